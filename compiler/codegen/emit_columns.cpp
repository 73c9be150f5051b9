// The columns a scan reads, as the constant list in its Spec from which the
// runtime's parsers (runtime/include/streamc/row_parse.h) read a record: a
// CSV record by column position, a JSON line by field name.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "util/strings.h"

namespace streamc {

std::string runtime_type(const SqlType& t) {
  switch (t.id) {
    case TypeId::Boolean: return "streamc::kBoolean";
    case TypeId::Int: return "streamc::kInt";
    case TypeId::BigInt: return "streamc::kBigInt";
    case TypeId::Double: return "streamc::kDouble";
    case TypeId::Decimal:
      return "streamc::decimal(" + std::to_string(t.precision) + ", " + std::to_string(t.scale) + ")";
    case TypeId::Timestamp: return "streamc::kTimestamp";
    case TypeId::Date: return "streamc::kDate";
    case TypeId::Varchar: return "streamc::kVarchar";
    case TypeId::Interval: return "streamc::kInterval";
    case TypeId::Null: return "streamc::kNull";
  }
  return "streamc::kNull";
}

void emit_columns(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourcePlan& src = source_of(plan, scan.source);
  w.line("// The columns read, field by field of {}: name, type, NOT NULL.", {scan.row_type});
  auto list = w.block("static constexpr std::tuple kColumns =", "};");
  for (const ScanField& f : scan.fields) {
    const PlanColumn& c = src.columns[f.column];
    // A table's key columns are checked by its loader, which skips rows without a key.
    const bool not_null = !c.nullable && !(scan.table >= 0 && c.key);
    w.line("streamc::Column<&{}::{}>{{}, {}{}},",
           {scan.row_type, f.field, cpp_string_literal(c.name), runtime_type(c.type), not_null ? ", true" : ""});
  }
}

}  // namespace streamc
