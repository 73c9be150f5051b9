// What a script defines: sources (streams and tables, declared or named in a
// Velostream WITH clause) and sinks, with their schemas and properties.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/source_file.h"
#include "ir/kinds.h"
#include "ir/types.h"

namespace streamc {

struct Column {
  std::string name;
  SqlType type;
  bool nullable = true;
  bool key = false;
};

// A property as written, with where it was written for diagnostics.
struct PropertyValue {
  std::string value;
  SourceRange range;
};

// WATERMARK FOR ts AS ts - INTERVAL '5' SECOND: the event-time column and
// how far behind the largest time seen the watermark stays.
struct SourceWatermark {
  std::string column;
  int64_t delay = 0;  // milliseconds
  SourceRange range;
};

struct SourceDef {
  std::string name;
  SourceKind kind = SourceKind::Stream;
  std::vector<Column> columns;
  bool schema_discovered = false;   // from the file at compile time
  std::string schema_file;          // the file it was discovered from (absolute)
  int producer = -1;                // CREATE TABLE AS: the query (index) that fills it
  Connector connector = Connector::File;
  Format format = Format::Json;
  bool bounded = true;              // ends (a file at EOF); an unbounded source runs until stopped
  std::string path;                 // as written; relative to the query file
  std::map<std::string, PropertyValue> properties;  // without the '<name>.' prefix
  std::optional<SourceWatermark> watermark;
  SourceRange range;

  const Column* find(const std::string& column) const;
  int index_of(const std::string& column) const;  // case-insensitive, -1 if absent
  std::vector<int> key_columns() const;            // indices of the key columns, in order
};

struct SinkDef {
  std::string name;  // empty for the stdout of a bare SELECT
  SinkKind kind = SinkKind::Stdout;
  Connector connector = Connector::File;
  Format format = Format::Json;
  std::string path;
  std::map<std::string, PropertyValue> properties;
  std::vector<Column> declared_columns;  // INSERT INTO a declared stream
  int table = -1;                        // Table: the catalog index of the materialized table
  SourceRange range;
};

class Catalog {
 public:
  SourceDef* find_source(const std::string& name);
  const SourceDef* find_source(const std::string& name) const;
  SourceDef& add_source(SourceDef def);
  const std::vector<SourceDef>& sources() const { return sources_; }
  std::vector<SourceDef>& sources() { return sources_; }
  std::vector<std::string> source_names() const;

 private:
  std::vector<SourceDef> sources_;
};

}  // namespace streamc
