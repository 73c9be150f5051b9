// The C++ of an aggregate: its accumulator, one row added to it, its result.
#include "codegen/emit_aggregate.h"

#include "codegen/cpp_literals.h"

namespace streamc {

std::string accumulator_type(AggKind kind, const SqlType& result, const SqlType& value) {
  switch (kind) {
    case AggKind::Count:
    case AggKind::CountDistinct: return "streamc::Count";
    case AggKind::Avg:
      if (result.id == TypeId::Decimal) {
        return "streamc::AvgDecimal<" + std::to_string(value.scale) + ", " + std::to_string(result.scale) + ">";
      }
      return "streamc::Avg";
    case AggKind::StddevSamp: return "streamc::Spread<streamc::SpreadKind::StddevSamp>";
    case AggKind::StddevPop: return "streamc::Spread<streamc::SpreadKind::StddevPop>";
    case AggKind::VarSamp: return "streamc::Spread<streamc::SpreadKind::VarSamp>";
    case AggKind::VarPop: return "streamc::Spread<streamc::SpreadKind::VarPop>";
    case AggKind::Sum: return "streamc::Sum<" + result.cpp_type() + ">";
    case AggKind::Min: return "streamc::Min<" + result.cpp_type() + ">";
    case AggKind::Max: return "streamc::Max<" + result.cpp_type() + ">";
    case AggKind::First: return "streamc::First<" + result.cpp_type() + ">";
    case AggKind::Last: return "streamc::Last<" + result.cpp_type() + ">";
    case AggKind::StringAgg: return "streamc::StringAgg";
  }
  return "void";
}

void emit_accumulate(CodeWriter& w, const std::string& acc, const AggregateInput& in) {
  if (!in.value) {  // COUNT(*): every row
    w.line("{}.add();", {acc});
    return;
  }
  const Value& v = *in.value;
  std::string add;
  switch (in.kind) {
    case AggKind::Count: add = acc + ".add();"; break;
    case AggKind::StringAgg:  // the values so far and this one, a copy the group's table owns
      add = acc + ".set(" + in.owner + ".own(" + acc + ".empty ? " + v.code + " : streamc::concat(arena_, {" + acc +
            ".value, " + cpp_string_literal(in.separator) + ", " + v.code + "}), " + acc + ".value));";
      break;
    case AggKind::CountDistinct:  // a value new to the group's set of them
      add = in.distinct_window.empty()
                ? "if (streamc::insert_new(" + in.distinct_set + ", " + in.distinct_key + ")) " + acc + ".add();"
                : "if (" + in.distinct_set + ".insert_new(" + in.distinct_key + ", " + in.distinct_window + ")) " +
                      acc + ".add();";
      break;
    case AggKind::Avg:
      if (in.result.id == TypeId::Decimal) {  // exact: the decimal sum, divided at the end
        add = "if (!" + acc + ".add(" + v.code + ")) [[unlikely]] " + in.overflow;
        break;
      }
      [[fallthrough]];
    case AggKind::StddevSamp:
    case AggKind::StddevPop:
    case AggKind::VarSamp:
    case AggKind::VarPop:
      add = in.value_type.id == TypeId::Decimal
                ? acc + ".add(streamc::dec_to_double(" + v.code + ", " + std::to_string(in.value_type.scale) + "));"
                : acc + ".add(static_cast<double>(" + v.code + "));";
      break;
    case AggKind::Sum:
      add = in.result.id == TypeId::Double ? acc + ".add(" + v.code + ");"
                                           : "if (!" + acc + ".add(" + v.code + ")) [[unlikely]] " + in.overflow;
      break;
    case AggKind::Min:
    case AggKind::Max:
    case AggKind::First:
    case AggKind::Last: {
      const std::string when = is_positional(in.kind) ? ", " + in.arrival : "";
      add = in.owner.empty() ? acc + ".add(" + v.code + when + ");"
                             : "if (" + acc + ".takes(" + v.code + ")) " + acc + ".set(" + in.owner + ".own(" + v.code +
                                   ", " + acc + ".value)" + when + ");";
      break;
    }
  }
  // A NULL value adds nothing: it leaves the row (`skip`), or passes over this aggregate alone.
  if (!v.nullable()) {
    w.line(add);
  } else if (!in.skip.empty()) {
    w.line("if ({}) {}", {v.null, in.skip});
    w.line(add);
  } else {
    auto guard = w.block("if (!" + v.null + ")");
    w.line(add);
  }
}

Value accumulator_result(AggKind kind, const std::string& acc) {
  if (kind == AggKind::Count || kind == AggKind::CountDistinct) return {acc + ".result()", ""};
  return {acc + ".result()", acc + ".is_null()"};
}

}  // namespace streamc
