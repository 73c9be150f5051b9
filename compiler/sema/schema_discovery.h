// Discovers a file source's schema at compile time: CSV header and sampled
// values, or JSON-lines keys and values. Types are inferred from up to
// kSampleRecords records: BOOLEAN, BIGINT, DECIMAL(p,s), DOUBLE, TIMESTAMP or
// VARCHAR.
#pragma once

#include <string>
#include <vector>

#include "sema/catalog.h"

namespace streamc {

inline constexpr int kSampleRecords = 1000;

// Fills `columns`; returns false with `error` set when the file cannot be
// read or holds no usable record. `delimiter`: a CSV file's field separator.
bool discover_schema(const std::string& path, Format format, std::vector<Column>& columns, std::string& error,
                     char delimiter = ',');

// Type inference over text values, shared by both formats.
class TypeGuess {
 public:
  void observe_text(std::string_view text);     // a CSV field / JSON number token
  void observe_string(std::string_view text);   // a JSON string
  void observe_bool() { seen_bool_ = true; }
  void observe_null() {}
  void observe_other() { seen_string_ = true; }  // nested JSON: kept as VARCHAR
  SqlType type() const;

 private:
  bool seen_bool_ = false, seen_int_ = false, seen_decimal_ = false, seen_double_ = false;
  bool seen_timestamp_ = false, seen_string_ = false;
  int integral_digits_ = 0, scale_ = 0;
};

}  // namespace streamc
