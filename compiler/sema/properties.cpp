// WITH properties: split by source name and checked against the connectors' property tables.
#include "sema/properties.h"

#include "util/strings.h"

#include <streamc/connector.h>

namespace streamc {
namespace {

// 'format' as given (check_properties checked its value).
void set_format(Format& format, const Properties& props) {
  auto it = props.find("format");
  if (it == props.end()) return;
  format = to_lower(it->second.value) == "csv" ? Format::Csv : Format::Json;
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

bool uri_source_property(const std::string& key) {
  const PropertyDef* p = file_connector().find(key, kStream | kTable);
  return p != nullptr && key != "type" && key != "connector" && key != "path" && key != "key";
}

void check_properties(const Properties& props, unsigned role, const std::string& prefix, Diagnostics& diags) {
  const ConnectorDef& connector = file_connector();
  for (const auto& [key, value] : props) {
    if (const PropertyDef* def = connector.find(key, role)) {
      if (std::string why = check_property(*def, value.value); !why.empty()) {
        diags.report(DiagId::bad_property, value.range, {"'" + prefix + key + "' " + why + ", not '" + value.value + "'"});
      }
      continue;
    }
    std::vector<std::string> candidates;
    for (const PropertyDef& p : connector.properties) {
      if (p.roles & role) candidates.push_back(prefix + std::string(p.name));
    }
    std::string hint = suggest(prefix + key, candidates);
    diags.report(DiagId::unknown_property, value.range, {prefix + key, ""}).hint = hint;
  }
}

bool configure_file_source(SourceDef& source, Diagnostics& diags, SourceRange fallback) {
  int before = diags.error_count();
  const std::string prefix = source.properties.count("type") ? source.name + "." : "";
  check_properties(source.properties, kStream | kTable, prefix, diags);
  if (auto it = source.properties.find("watch"); it != source.properties.end() && source.kind == SourceKind::Stream &&
                                                 to_lower(it->second.value) == "true") {
    diags.report(DiagId::not_supported, it->second.range, {"watching a stream's file ('" + prefix + "watch')"});
  }
  auto path = source.properties.find("path");
  if (path == source.properties.end() || path->second.value.empty()) {
    diags.report(DiagId::missing_property, fallback,
                 {"source '" + source.name + "' needs a '" + prefix + "path' property naming its file"});
    return false;
  }
  source.path = path->second.value;
  source.format = format_from_path(source.path);
  set_format(source.format, source.properties);
  if (auto it = source.properties.find("on.error"); it != source.properties.end()) {
    if (to_lower(it->second.value) == "dlq" && !source.properties.count("dlq.path")) {
      diags.report(DiagId::missing_property, it->second.range,
                   {"'" + prefix + "on.error' = 'dlq' needs a '" + prefix + "dlq.path' property naming the dead-letter file"});
    }
  }
  return diags.error_count() == before;
}

bool configure_file_sink(SinkDef& sink, Diagnostics& diags, SourceRange fallback) {
  int before = diags.error_count();
  const std::string prefix = sink.properties.count("type") ? sink.name + "." : "";
  check_properties(sink.properties, kSink, prefix, diags);
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
  set_format(sink.format, sink.properties);
  return diags.error_count() == before;
}

}  // namespace streamc
