// The parser of one record of a source, specialized to its format: a CSV
// record by column position; a JSON line by field name, first by FlatJson
// (a flat object of plain values, nearly every line) and, when that reader
// is not sure, by simdjson On-Demand, which decides.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// The call that converts text (CSV) to a column's type, assigning `target`.
std::string text_conversion(const SqlType& t, const std::string& text, const std::string& target) {
  switch (t.id) {
    case TypeId::Boolean: return "streamc::parse_bool(" + text + ", " + target + ")";
    case TypeId::Int: return "streamc::parse_int32(" + text + ", " + target + ")";
    case TypeId::BigInt: return "streamc::parse_int64(" + text + ", " + target + ")";
    case TypeId::Double: return "streamc::parse_double(" + text + ", " + target + ")";
    case TypeId::Decimal:
      return "streamc::parse_decimal(" + text + ", " + str(t.precision) + ", " + str(t.scale) + ", " + target + ")";
    case TypeId::Timestamp: return "streamc::parse_timestamp(" + text + ", " + target + ")";
    case TypeId::Date: return "streamc::parse_date(" + text + ", " + target + ")";
    default: return "";
  }
}

// How a JSON parser reads values: through simdjson (`value`, a failure is a
// bad record with a reason) or through FlatJson (`json`, a failure only
// means "not sure": the line goes to simdjson).
struct JsonReading {
  bool flat = false;

  std::string is_null() const { return flat ? "json.null()" : "streamc::json_is_null(value)"; }

  // The call that converts the value to a column's type, assigning `target`.
  std::string conversion(const SqlType& t, const std::string& target) const {
    const std::string p = flat ? "json.to_" : "streamc::json_to_";
    const std::string v = flat ? "" : "value, ";
    switch (t.id) {
      case TypeId::Boolean: return p + "bool(" + v + target + ")";
      case TypeId::Int: return p + "int32(" + v + target + ")";
      case TypeId::BigInt: return p + "int64(" + v + target + ")";
      case TypeId::Double: return p + "double(" + v + target + ")";
      case TypeId::Decimal:
        return p + "decimal(" + v + str(t.precision) + ", " + str(t.scale) + ", " + target + ")";
      case TypeId::Timestamp: return p + "timestamp(" + v + target + ")";
      case TypeId::Date: return p + "date(" + v + target + ")";
      default: return flat ? "json.to_string(" + target + ")" : "streamc::json_to_string(value, " + target + ", strings)";
    }
  }

  // Gives up on the record: with a reason (simdjson), or for simdjson to decide (flat).
  void fail(CodeWriter& w, const std::string& reason) const {
    if (!flat) w.line("reason = {};", {reason});
    w.line("return false;");
  }
};

// A reason literal for a column that does not convert.
std::string bad_value_reason(const PlanColumn& c) {
  return cpp_c_string("column '" + c.name + "' is not a valid " + c.type.to_string());
}

// After parsing: a NOT NULL column must have had a value. A table's key
// columns are checked by its loader, which skips rows without a key.
// `with_reason`: the record is bad (else the flat reader only gives up).
void emit_not_null_check(CodeWriter& w, const SourcePlan& src, const Scan& scan, bool with_reason) {
  for (const ScanField& f : scan.fields) {
    const PlanColumn& c = src.columns[f.column];
    if (c.nullable || (scan.table >= 0 && c.key)) continue;
    auto check = w.block("if (r." + null_word(scan, scan.slot_of(f.column)) + " & " + mask_name(scan, f) + ")");
    if (with_reason) w.line("reason = {};", {cpp_c_string("column '" + c.name + "' is NOT NULL but has no value")});
    w.line("return false;");
  }
}

// The body of the loop over an object's fields: the key picks the column.
void emit_field_dispatch(CodeWriter& w, const SourcePlan& src, const Scan& scan, const JsonReading& reading) {
  const bool table = scan.table >= 0;
  bool first = true;
  auto branch = [&](const std::string& condition) {
    if (!first) w.dedent();
    w.line((first ? "if (" : "} else if (") + condition + ") {");
    w.indent();
    first = false;
  };
  for (size_t i = 0; i < scan.fields.size(); ++i) {
    const ScanField& f = scan.fields[i];
    const PlanColumn& c = src.columns[f.column];
    branch("key == " + cpp_string_literal(c.name));
    w.line("if ({}) continue;", {reading.is_null()});
    if (reading.flat) {
      w.line("if (!{}) return false;", {reading.conversion(c.type, "r." + f.field)});
    } else {
      auto conv = w.block("if (!" + reading.conversion(c.type, "r." + f.field) + ")");
      reading.fail(w, bad_value_reason(c));
    }
    w.line("r.{} &= ~{};", {null_word(scan, static_cast<int>(i)), mask_name(scan, f)});
    if (table && !c.key) w.line("has_value = true;");
  }
  if (table) {
    // Columns the queries do not use still decide whether a row is a delete.
    std::vector<std::string> others;
    for (size_t col = 0; col < src.columns.size(); ++col) {
      if (!src.columns[col].key && scan.slot_of(static_cast<int>(col)) < 0) {
        others.push_back("key == " + cpp_string_literal(src.columns[col].name));
      }
    }
    if (!others.empty()) {
      branch(join(others, " || "));
      if (reading.flat) {
        w.line("if (json.null()) continue;");
        w.line("has_value = true;");
        w.line("if (!json.skip()) return false;");
      } else {
        w.line("if (!streamc::json_is_null(value)) has_value = true;");
      }
    }
  }
  if (reading.flat) {
    // Fields nobody reads are checked all the same: the line must be valid JSON.
    if (first) {
      w.line("if (!json.skip()) return false;");
    } else {
      w.dedent();
      w.line("} else if (!json.skip()) {");
      w.indent();
      w.line("return false;");
      w.dedent();
      w.line("}");
    }
  } else if (!first) {
    w.dedent();
    w.line("}");
  }
}

std::string flat_function(const Scan& scan) { return scan.parse_function + "_flat"; }

void emit_flat_json_parse(CodeWriter& w, const SourcePlan& src, const Scan& scan) {
  const bool table = scan.table >= 0;
  w.line("// {} read without simdjson, when it is a flat object of plain values; false", {comment_text(src.name)});
  w.line("// when not sure (then simdjson reads the line and decides).");
  auto fn = w.block("bool " + flat_function(scan) + "(std::string_view line, " + scan.row_type + "& r" +
                    (table ? ", bool& has_value" : "") + ")");
  w.line("r = {};");
  emit_null_reset(w, scan);
  if (table) w.line("has_value = false;");
  w.line("streamc::FlatJson json(line);");
  {
    auto loop = w.block("for (std::string_view key; json.next_key(key);)");
    emit_field_dispatch(w, src, scan, JsonReading{true});
  }
  w.line("if (!json.ended()) return false;");
  emit_not_null_check(w, src, scan, false);
  w.line("return true;");
}

void emit_json_parse(CodeWriter& w, const SourcePlan& src, const Scan& scan) {
  const bool table = scan.table >= 0;
  emit_flat_json_parse(w, src, scan);
  w.blank();
  w.line("// Parses one JSON line of {} into a {}; a field that is absent is NULL.",
         {comment_text(src.name), scan.row_type});
  w.line("// Strings point into the line, or into `strings` when they had escapes.{}",
         {table ? " `has_value`: some non-key column is not NULL." : ""});
  auto fn = w.block("bool " + scan.parse_function + "(simdjson::ondemand::parser& parser, std::string_view line, " +
                    scan.row_type + "& r, std::string_view& reason, streamc::Arena& strings" +
                    (table ? ", bool& has_value" : "") + ")");
  w.line("if ({}(line, r{})) return true;", {flat_function(scan), table ? ", has_value" : ""});
  w.line("r = {};");
  emit_null_reset(w, scan);
  if (table) w.line("has_value = false;");
  w.line("simdjson::ondemand::document doc;");
  w.line("simdjson::ondemand::object object;");
  {
    auto bad = w.block("if (streamc::json_iterate_line(parser, line, doc) || doc.get_object().get(object))");
    w.line("reason = \"the line is not a valid JSON object\";");
    w.line("return false;");
  }
  {
    auto loop = w.block("for (auto field : object)");
    w.line("std::string_view key;");
    {
      auto bad = w.block("if (!streamc::json_key(field, key))");
      w.line("reason = \"the line is not valid JSON\";");
      w.line("return false;");
    }
    w.line("// A reference, not a copy: copying a value stalls on the bytes just stored.");
    w.line("streamc::JsonValue& value = field.value_unsafe().value();");
    emit_field_dispatch(w, src, scan, JsonReading{false});
  }
  emit_not_null_check(w, src, scan, true);
  w.line("return true;");
}

void emit_csv_parse(CodeWriter& w, const SourcePlan& src, const Scan& scan) {
  w.line("// Parses one CSV record of {} into a {}; `pos` maps each column read to its field.",
         {comment_text(src.name), scan.row_type});
  auto fn = w.block("bool " + scan.parse_function + "(const std::vector<streamc::CsvField>& fields, const int* pos, " +
                    scan.row_type + "& r, std::string_view& reason)");
  w.line("r = {};");
  emit_null_reset(w, scan);
  for (size_t i = 0; i < scan.fields.size(); ++i) {
    const ScanField& f = scan.fields[i];
    const PlanColumn& c = src.columns[f.column];
    auto field = w.block("");
    w.line("const streamc::CsvField& field = fields[pos[{}]];  // {}", {str(i), comment_text(c.name)});
    w.line("if (!streamc::csv_is_null(field)) {");
    w.indent();
    if (c.type.id == TypeId::Varchar) {
      w.line("r.{} = field.text;", {f.field});
    } else {
      auto conv = w.block("if (!" + text_conversion(c.type, "field.text", "r." + f.field) + ")");
      w.line("reason = {};", {bad_value_reason(c)});
      w.line("return false;");
    }
    w.line("r.{} &= ~{};", {null_word(scan, static_cast<int>(i)), mask_name(scan, f)});
    w.dedent();
    w.line("}");
  }
  emit_not_null_check(w, src, scan, true);
  w.line("return true;");
}

}  // namespace

void emit_parse_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourcePlan& src = source_of(plan, scan.source);
  if (src.format == Format::Json) {
    emit_json_parse(w, src, scan);
  } else {
    emit_csv_parse(w, src, scan);
  }
}

}  // namespace streamc
