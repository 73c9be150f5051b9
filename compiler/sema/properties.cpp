#include "sema/properties.h"

#include "util/strings.h"

namespace streamc {
namespace {

const std::vector<std::string> kSourceProperties = {
    "type", "connector", "path", "format", "key", "on.error", "dlq.path", "delimiter", "header",
    "schema.sample", "watch", "file.wait.timeout", "file.retry.interval"};
const std::vector<std::string> kSinkProperties = {"type", "connector", "path", "format", "delimiter", "header"};

bool set_format(Format& format, const Properties& props, Diagnostics& diags, const std::string& prefix) {
  auto it = props.find("format");
  if (it == props.end()) return true;
  std::string f = to_lower(it->second.value);
  if (f == "json" || f == "jsonl" || f == "json_lines" || f == "ndjson") {
    format = Format::Json;
  } else if (f == "csv") {
    format = Format::Csv;
  } else {
    diags.report(DiagId::bad_property, it->second.range,
                 {"'" + prefix + "format' must be 'csv' or 'json', not '" + it->second.value + "'"});
    return false;
  }
  return true;
}

// Without 'format', the file's extension decides: .csv is CSV, the rest JSON lines.
Format format_from_path(const std::string& path) {
  return path.size() >= 4 && iequals(path.substr(path.size() - 4), ".csv") ? Format::Csv : Format::Json;
}

}  // namespace

Properties to_properties(const std::vector<ast::Property>& with) {
  Properties out;
  for (const auto& p : with) out[p.key] = {p.value, join(p.key_range, p.value_range)};
  return out;
}

std::map<std::string, Properties> split_by_name(const std::vector<ast::Property>& with, Properties& general) {
  std::map<std::string, Properties> by_name;
  std::vector<std::string> names;
  for (const auto& p : with) {
    if (p.key.size() > 5 && p.key.ends_with(".type")) names.push_back(p.key.substr(0, p.key.size() - 5));
  }
  for (const auto& p : with) {
    bool placed = false;
    for (const auto& name : names) {
      if (p.key.size() > name.size() + 1 && starts_with(p.key, name) && p.key[name.size()] == '.') {
        by_name[name][p.key.substr(name.size() + 1)] = {p.value, join(p.key_range, p.value_range)};
        placed = true;
        break;
      }
    }
    if (!placed) general[p.key] = {p.value, join(p.key_range, p.value_range)};
  }
  return by_name;
}

void check_known(const Properties& props, const std::vector<std::string>& known, const std::string& prefix,
                 Diagnostics& diags) {
  for (const auto& [key, value] : props) {
    bool ok = false;
    for (const auto& k : known) ok = ok || k == key;
    if (ok) continue;
    std::vector<std::string> candidates;
    for (const auto& k : known) candidates.push_back(prefix + k);
    std::string hint = suggest(prefix + key, candidates);
    diags.report(DiagId::unknown_property, value.range, {prefix + key, ""}).hint = hint;
  }
}

bool configure_file_source(SourceDef& source, Diagnostics& diags, SourceRange fallback) {
  int before = diags.error_count();
  const std::string prefix = source.properties.count("type") ? source.name + "." : "";
  check_known(source.properties, kSourceProperties, prefix, diags);
  auto path = source.properties.find("path");
  if (path == source.properties.end() || path->second.value.empty()) {
    diags.report(DiagId::missing_property, fallback,
                 {"source '" + source.name + "' needs a '" + prefix + "path' property naming its file"});
    return false;
  }
  source.path = path->second.value;
  source.format = format_from_path(source.path);
  set_format(source.format, source.properties, diags, prefix);
  if (auto it = source.properties.find("on.error"); it != source.properties.end()) {
    std::string v = to_lower(it->second.value);
    if (v != "fail" && v != "skip" && v != "dlq") {
      diags.report(DiagId::bad_property, it->second.range,
                   {"'" + prefix + "on.error' must be 'fail', 'skip' or 'dlq', not '" + it->second.value + "'"});
    } else if (v == "dlq" && !source.properties.count("dlq.path")) {
      diags.report(DiagId::missing_property, it->second.range,
                   {"'" + prefix + "on.error' = 'dlq' needs a '" + prefix + "dlq.path' property naming the dead-letter file"});
    }
  }
  return diags.error_count() == before;
}

bool configure_file_sink(SinkDef& sink, Diagnostics& diags, SourceRange fallback) {
  int before = diags.error_count();
  const std::string prefix = sink.properties.count("type") ? sink.name + "." : "";
  check_known(sink.properties, kSinkProperties, prefix, diags);
  auto path = sink.properties.find("path");
  if (path == sink.properties.end() || path->second.value.empty()) {
    diags.report(DiagId::missing_property, fallback,
                 {"sink '" + sink.name + "' needs a '" + prefix + "path' property naming its file"});
    return false;
  }
  // A named sink keeps its path property even when it is "-" (stdout): --set can redirect it.
  sink.kind = SinkKind::File;
  sink.path = path->second.value;
  sink.format = format_from_path(sink.path);
  set_format(sink.format, sink.properties, diags, prefix);
  return diags.error_count() == before;
}

}  // namespace streamc
