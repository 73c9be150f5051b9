// Run-time properties: defaults, --set, --help and --version.
#include "streamc/config.h"

#include <algorithm>
#include <utility>

#include "streamc/property.h"

namespace streamc {
namespace {

const std::string kEmpty;

}  // namespace

void Config::set_default(std::string name, std::string value, const PropertyDef* def) {
  for (Property& p : properties_) {
    if (p.name == name) {
      p.default_value = value;
      p.value = std::move(value);
      p.def = def;
      return;
    }
  }
  properties_.push_back(Property{std::move(name), value, value, false, def});
}

const Config::Property* Config::find(std::string_view name) const {
  for (const Property& p : properties_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

Config::Property* Config::find(std::string_view name) {
  for (Property& p : properties_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::string& Config::get(std::string_view name) const {
  const Property* p = find(name);
  return p ? p->value : kEmpty;
}

bool Config::set(std::string_view name, std::string_view value, std::string& error) {
  Property* p = find(name);
  if (p == nullptr) {
    error = unknown_property_message(name);
    return false;
  }
  if (p->def != nullptr) {
    if (std::string why = check_property(*p->def, value); !why.empty()) {
      error = "'" + p->name + "' " + why + ", not '" + std::string(value) + "'";
      return false;
    }
  }
  p->value = std::string(value);
  p->overridden = true;
  return true;
}

std::string Config::path(std::string_view name, std::string_view query_dir) const {
  const std::string& value = get(name);
  return is_set(name) ? value : resolve_path(query_dir, value);
}

std::string Config::unknown_property_message(std::string_view name) const {
  std::string msg = "unknown property '" + std::string(name) + "'";
  const Property* best = nullptr;
  size_t best_distance = 0;
  for (const Property& p : properties_) {
    const size_t d = edit_distance(name, p.name);
    if (best == nullptr || d < best_distance) {
      best = &p;
      best_distance = d;
    }
  }
  // Suggest only near misses: a third of the name, at least 2 edits.
  if (best != nullptr && best_distance <= std::max<size_t>(2, name.size() / 3)) {
    msg += "; did you mean '" + best->name + "'?";
  }
  if (properties_.empty()) {
    msg += "\nthis program has no properties";
  } else {
    msg += "\nknown properties:";
    for (const Property& p : properties_) msg += " " + p.name;
  }
  return msg;
}

void Config::print_usage(const ProgramInfo& info, FILE* out) const {
  const std::string name(info.name);
  std::fprintf(out, "usage: %s [--set name=value]...\n", name.c_str());
  if (!info.description.empty()) {
    std::fprintf(out, "%.*s\n", static_cast<int>(info.description.size()), info.description.data());
  }
  if (!info.query_file.empty()) {
    std::fprintf(out, "compiled by streamc from %.*s\n", static_cast<int>(info.query_file.size()),
                 info.query_file.data());
  }
  std::fprintf(out, "\noptions:\n");
  std::fprintf(out, "  --set name=value  override a property (repeatable)\n");
  std::fprintf(out, "  -h, --help        show this help\n");
  std::fprintf(out, "  --version         show the program version\n");
  if (properties_.empty()) return;
  std::fprintf(out, "\nproperties (defaults):\n");
  for (const Property& p : properties_) {
    std::fprintf(out, "  %s = %s\n", p.name.c_str(), p.default_value.c_str());
    const std::string_view what = p.def != nullptr ? p.def->help : std::string_view();
    if (!what.empty()) std::fprintf(out, "      %.*s\n", static_cast<int>(what.size()), what.data());
  }
}

int Config::parse_args(int argc, char** argv, const ProgramInfo& info, FILE* out, FILE* err) {
  const std::string name(info.name);
  auto usage_error = [&](const std::string& message) {
    std::fprintf(err, "%s: error: %s\n", name.c_str(), message.c_str());
    std::fprintf(err, "run '%s --help' for usage\n", name.c_str());
    return 1;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      print_usage(info, out);
      return 0;
    }
    if (arg == "--version") {
      std::fprintf(out, "%s%s%.*s\n", name.c_str(), info.version.empty() ? "" : " ",
                   static_cast<int>(info.version.size()), info.version.data());
      return 0;
    }
    std::string_view assignment;
    if (arg == "--set") {
      if (i + 1 == argc) return usage_error("option '--set' needs an argument name=value");
      assignment = argv[++i];
    } else if (arg.starts_with("--set=")) {
      assignment = arg.substr(6);
    } else if (arg.starts_with("-")) {
      return usage_error("unknown option '" + std::string(arg) + "'");
    } else {
      return usage_error("unexpected argument '" + std::string(arg) + "'");
    }
    const size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return usage_error("expected name=value after '--set', got '" + std::string(assignment) +
                         "'");
    }
    std::string error;
    if (!set(assignment.substr(0, eq), assignment.substr(eq + 1), error)) return usage_error(error);
  }
  return -1;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace streamc
