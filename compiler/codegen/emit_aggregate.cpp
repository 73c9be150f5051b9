// The C++ of an aggregate: its accumulator, one row added to it, its result.
#include "codegen/emit_aggregate.h"

namespace streamc {

std::string accumulator_type(AggKind kind, const SqlType& result) {
  switch (kind) {
    case AggKind::Count: return "streamc::Count";
    case AggKind::Avg: return "streamc::Avg";
    case AggKind::Sum: return "streamc::Sum<" + result.cpp_type() + ">";
    case AggKind::Min: return "streamc::Min<" + result.cpp_type() + ">";
    case AggKind::Max: return "streamc::Max<" + result.cpp_type() + ">";
  }
  return "void";
}

void emit_accumulate(CodeWriter& w, const std::string& acc, const AggregateInput& in) {
  if (!in.value) {  // COUNT(*): every row
    w.line("{}.add();", {acc});
    return;
  }
  const Value& v = *in.value;
  if (v.nullable()) w.line("if ({}) {}", {v.null, in.skip});
  switch (in.kind) {
    case AggKind::Count:
      w.line("{}.add();", {acc});
      break;
    case AggKind::Avg:
      if (in.value_type.id == TypeId::Decimal) {
        w.line("{}.add(streamc::dec_to_double({}, {}));", {acc, v.code, std::to_string(in.value_type.scale)});
      } else {
        w.line("{}.add(static_cast<double>({}));", {acc, v.code});
      }
      break;
    case AggKind::Sum:
      if (in.result.id == TypeId::Double) {
        w.line("{}.add({});", {acc, v.code});
      } else {
        w.line("if (!{}.add({})) [[unlikely]] {}", {acc, v.code, in.overflow});
      }
      break;
    case AggKind::Min:
    case AggKind::Max:
      w.line("{}.add({});", {acc, v.code});
      break;
  }
}

Value accumulator_result(AggKind kind, const std::string& acc) {
  if (kind == AggKind::Count) return {acc + ".result()", ""};
  return {acc + ".result()", acc + ".is_null()"};
}

}  // namespace streamc
