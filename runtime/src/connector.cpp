// The property tables of the connectors and of the program, and registering
// a source's or sink's run-time properties with a program's Config.
#include "streamc/connector.h"

#include <string>

namespace streamc {
namespace {

using enum PropertyCheck;
constexpr unsigned kSource = kStream | kTable;
constexpr unsigned kAny = kStream | kTable | kSink;

constexpr PropertyDef kFileProperties[] = {
    {"type", "", Text, kAny, false, "file_source or file_sink: names a Velostream application's source or sink"},
    {"connector", "file", Text, kAny, false, "the connector: file"},
    {"path", "", Text, kAny, true,
     "the file (- is stdin or stdout); a --set path is relative to the working directory"},
    {"format", "", Format, kAny, false, "json (JSON lines) or csv; by default .csv files are CSV, others JSON lines"},
    {"key", "", Text, kTable, false, "the key columns of a table, comma-separated"},
    {"schema.sample", "", Text, kSource, false, "a file whose records show the schema, when the columns are not declared"},
    {"on.error", "fail", OnError, kSource, true,
     "a bad record: fail (stop), skip (count it) or dlq (write it to dlq.path)"},
    {"dlq.path", "", Text, kSource, true, "where on.error = dlq writes bad records"},
    {"file.wait.timeout", "", Duration, kSource, true,
     "how long to wait for a missing file (30s, 2m); empty: fail at once"},
    {"file.retry.interval", "1s", Duration, kSource, true, "how often to look for the file while waiting"},
    {"watch", "false", Bool, kTable, true, "true: rows appended to the table's file apply while the streams run"},
    {"delimiter", ",", Delimiter, kSource, true, "the CSV field separator: one character, such as ';' or '|', or \\t"},
    {"delimiter", ",", OnlyDefault, kSink, false, "the CSV field separator"},
    {"header", "true", OnlyDefault, kAny, false, "whether a CSV file starts with a header line"},
    {"changelog", "", Changelog, kSink, false,
     "op: Flink-style rows, each led by an op column (+I, -U, +U, -D); by default a group that no longer "
     "qualifies is written as its key with every other column NULL"},
    // Event time, for windows: also written at the top level of a query's WITH.
    {"event.time.field", "", Text, kStream, false, "the column holding a record's event time"},
    {"event.time.format", "", EventTimeFormat, kStream, false,
     "how the event time is written: iso8601, epoch_millis or epoch_seconds"},
    {"timestamp", "", Text, kStream, false, "the column holding a record's event time (ksqlDB's spelling)"},
    {"watermark.strategy", "", WatermarkStrategy, kStream, false,
     "ascending, or bounded_out_of_orderness with watermark.max_out_of_orderness"},
    {"watermark.max_out_of_orderness", "", Duration, kStream, false,
     "how far behind the latest event time a record may come and still count (5s)"},
    {"late.data.strategy", "drop", LateData, kStream, false,
     "a record after its windows closed: drop (count it) or dead_letter (to dlq.path, reason late)"},
};

constexpr PropertyDef kProgramProperties[] = {
    {"stats", "false", Bool, kProgram, true,
     "true: print what each table, the groups and the row buffers hold and the memory they take, at exit"},
    {"threads", "auto", Threads, kProgram, true,
     "threads that parse JSON-lines streams and CSV table files: auto (every core) or a number"},
    {"chunk.bytes", "262144", Bytes, kProgram, true, "the size of the chunks those files are cut into for the threads"},
};

constexpr ConnectorDef kFile{"file", kFileProperties};

}  // namespace

const PropertyDef* ConnectorDef::find(std::string_view name, unsigned role) const {
  for (const PropertyDef& p : properties) {
    if (p.name == name && (p.roles & role)) return &p;
  }
  return nullptr;
}

const ConnectorDef& file_connector() { return kFile; }

const ConnectorDef* find_connector(std::string_view name) { return name == kFile.name ? &kFile : nullptr; }

std::span<const PropertyDef> program_properties() { return kProgramProperties; }

const PropertyDef* find_program_property(std::string_view name) {
  for (const PropertyDef& p : kProgramProperties) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void register_properties(Config& config, const ConnectorDef& connector, Role role, std::string_view name,
                         GivenProperties given) {
  for (const PropertyDef& p : connector.properties) {
    if (!p.run_time || !(p.roles & role)) continue;
    std::string_view value = p.default_value;
    for (const auto& [key, v] : given) {
      if (key == p.name) value = v;
    }
    config.set_default(std::string(name) + "." + std::string(p.name), std::string(value), &p);
  }
}

void register_program_properties(Config& config, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const PropertyDef* p = find_program_property(name)) {
      config.set_default(std::string(p->name), std::string(p->default_value), p);
    }
  }
}

}  // namespace streamc
