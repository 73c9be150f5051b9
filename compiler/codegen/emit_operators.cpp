// Arithmetic, casts and the scalar function library. Integer and decimal
// arithmetic is checked: an overflow fails the record, never wraps.
#include "codegen/cpp_literals.h"
#include "codegen/expression_emitter.h"

namespace streamc {
namespace {

std::string str(int n) { return std::to_string(n); }

// The runtime's decimal functions are templates on the storage type.
std::string storage(const SqlType& t) { return t.is_wide_decimal() ? "streamc::i128" : "int64_t"; }

}  // namespace

Value ExprEmitter::arithmetic(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  const SqlType& t = e.type;
  if (e.op == ExprOp::Pow) return pure(e, "std::pow(" + a[0].code + ", " + a[1].code + ")", a);
  if (e.op == ExprOp::Negate) {
    if (t.id == TypeId::Double) return pure(e, "-" + a[0].code, a);
    if (t.id == TypeId::Decimal) return checked(e, a, "streamc::dec_neg(" + a[0].code + ", {})", "", "decimal overflow");
    return checked(e, a, "streamc::checked_neg(" + a[0].code + ", {})", "", "integer overflow");
  }
  const std::string& l = a[0].code;
  const std::string& r = a[1].code;
  if (t.id == TypeId::Double) {
    // Division and modulo by zero are NULL, as for the exact types.
    if (e.op == ExprOp::Mod) return null_when(e, a, "std::fmod(" + l + ", " + r + ")", r + " == 0");
    if (e.op == ExprOp::Div) return null_when(e, a, l + " / " + r, r + " == 0");
    const char* op = e.op == ExprOp::Add ? " + " : e.op == ExprOp::Sub ? " - " : " * ";
    return pure(e, l + op + r, a);
  }
  if (t.id == TypeId::Decimal) {
    std::string p = str(t.precision);
    switch (e.op) {
      case ExprOp::Add:
        return checked(e, a, "(streamc::dec_add(" + l + ", " + r + ", {}) && streamc::dec_fits({}, " + p + "))",
                       "", "decimal overflow");
      case ExprOp::Sub:
        return checked(e, a, "(streamc::dec_sub(" + l + ", " + r + ", {}) && streamc::dec_fits({}, " + p + "))",
                       "", "decimal overflow");
      case ExprOp::Mul:
        return checked(e, a,
                       "(streamc::dec_mul(" + storage(t) + "(" + l + "), " + storage(t) + "(" + r +
                           "), {}) && streamc::dec_fits({}, " + p + "))",
                       "", "decimal overflow");
      case ExprOp::Div: {
        const SqlType& lt = e.args[0]->type;
        const SqlType& rt = e.args[1]->type;
        return checked(e, a,
                       "streamc::dec_div(" + l + ", " + str(lt.scale) + ", " + r + ", " + str(rt.scale) + ", " +
                           str(t.scale) + ", {})",
                       r + " == 0", "decimal overflow");
      }
      default:
        return checked(e, a, "streamc::dec_mod(" + l + ", " + r + ", {})", r + " == 0", "decimal overflow");
    }
  }
  // TIMESTAMP +/- INTERVAL, INT, BIGINT
  switch (e.op) {
    case ExprOp::Add: return checked(e, a, "streamc::checked_add(" + l + ", " + r + ", {})", "", "integer overflow");
    case ExprOp::Sub: return checked(e, a, "streamc::checked_sub(" + l + ", " + r + ", {})", "", "integer overflow");
    case ExprOp::Mul: return checked(e, a, "streamc::checked_mul(" + l + ", " + r + ", {})", "", "integer overflow");
    case ExprOp::Div:
      // Division by zero is NULL; MIN / -1 is the one quotient that overflows.
      return checked(e, a, "streamc::checked_div(" + l + ", " + r + ", {})", r + " == 0", "integer overflow");
    default:
      return checked(e, a, "streamc::checked_mod(" + l + ", " + r + ", {})", r + " == 0", "integer overflow");
  }
}

Value ExprEmitter::cast(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  const SqlType& from = e.args[0]->type;
  const SqlType& to = e.type;
  const std::string& x = a[0].code;
  bool try_cast = e.op == ExprOp::TryCast;
  std::string bad = "cannot cast to " + to.to_string();
  auto check = [&](const std::string& call) { return checked(e, a, call, "", bad, try_cast); };
  if (from.id == TypeId::Null) return {default_value(to), "true"};
  switch (to.id) {
    case TypeId::Varchar:
      switch (from.id) {
        case TypeId::Boolean: return pure(e, x + " ? \"true\"sv : \"false\"sv", a);
        case TypeId::Decimal: return pure(e, "streamc::decimal_to_text(arena_, " + x + ", " + str(from.scale) + ")", a);
        case TypeId::Timestamp: return pure(e, "streamc::timestamp_to_text(arena_, " + x + ")", a);
        case TypeId::Date: return pure(e, "streamc::date_to_text(arena_, " + x + ")", a);
        case TypeId::Double: return pure(e, "streamc::double_to_text(arena_, " + x + ")", a);
        default: return pure(e, "streamc::int_to_text(arena_, " + x + ")", a);
      }
    case TypeId::Boolean:
      if (from.id == TypeId::Varchar) return check("streamc::parse_bool(" + x + ", {})");
      return pure(e, x + " != 0", a);
    case TypeId::Int:
    case TypeId::BigInt: {
      std::string ct = to.cpp_type();
      if (from.id == TypeId::Varchar) {
        return check(std::string(to.id == TypeId::Int ? "streamc::parse_int32(" : "streamc::parse_int64(") +
                     "streamc::trim(" + x + "), {})");
      }
      if (from.id == TypeId::Boolean) return pure(e, x + " ? 1 : 0", a);
      if (from.id == TypeId::Int || from.id == TypeId::Timestamp) return pure(e, ct + "(" + x + ")", a);
      if (from.id == TypeId::BigInt) return check("streamc::narrow(" + x + ", {})");
      if (from.id == TypeId::Double) return check("streamc::double_to_int(" + x + ", {})");
      if (from.id == TypeId::Decimal) return check("streamc::decimal_to_int(" + x + ", " + str(from.scale) + ", {})");
      if (from.id == TypeId::Date) return pure(e, ct + "(" + x + ")", a);
      break;
    }
    case TypeId::Double:
      if (from.id == TypeId::Varchar) return check("streamc::parse_double(streamc::trim(" + x + "), {})");
      if (from.id == TypeId::Decimal) return pure(e, "streamc::dec_to_double(" + x + ", " + str(from.scale) + ")", a);
      return pure(e, "static_cast<double>(" + x + ")", a);
    case TypeId::Decimal: {
      std::string p = str(to.precision), s = str(to.scale);
      if (from.id == TypeId::Varchar) return check("streamc::parse_decimal(streamc::trim(" + x + "), " + p + ", " + s + ", {})");
      if (from.id == TypeId::Double) return check("streamc::double_to_dec(" + x + ", " + p + ", " + s + ", {})");
      // Widening keeps every digit: no check is needed, only a wider type.
      int from_integral = from.id == TypeId::Decimal ? from.precision - from.scale : from.id == TypeId::Int ? 10 : 19;
      if (to.precision - to.scale >= from_integral && to.scale >= (from.id == TypeId::Decimal ? from.scale : 0)) {
        int shift = to.scale - (from.id == TypeId::Decimal ? from.scale : 0);
        std::string widened = storage(to) + "(" + x + ")";
        if (shift == 0) return pure(e, widened, a);
        return pure(e, widened + " * streamc::dec_pow10<" + storage(to) + ">(" + str(shift) + ")", a);
      }
      if (from.id == TypeId::Decimal) {
        return check("streamc::dec_cast(" + x + ", " + str(from.scale) + ", " + p + ", " + s + ", {})");
      }
      return check("streamc::int_to_dec(int64_t(" + x + "), " + p + ", " + s + ", {})");
    }
    case TypeId::Timestamp:
      if (from.id == TypeId::Varchar && std::holds_alternative<std::string>(e.literal)) {
        // 'event.time.format': the text as its pattern says.
        return check("streamc::parse_timestamp_pattern(streamc::trim(" + x + "), " +
                     cpp_string_literal(std::get<std::string>(e.literal)) + ", {})");
      }
      if (from.id == TypeId::Varchar) return check("streamc::parse_timestamp(streamc::trim(" + x + "), {})");
      if (from.id == TypeId::Date) return pure(e, "int64_t(" + x + ") * streamc::kMsPerDay", a);
      return pure(e, "int64_t(" + x + ")", a);
    case TypeId::Date:
      if (from.id == TypeId::Varchar) return check("streamc::parse_date(streamc::trim(" + x + "), {})");
      return pure(e, "int32_t(streamc::floor_div(" + x + ", streamc::kMsPerDay))", a);
    default: break;
  }
  return pure(e, to.cpp_type() + "(" + x + ")", a);
}

Value ExprEmitter::function(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  const SqlType& t = e.type;
  auto arg_list = [&](size_t from) {
    std::string out;
    for (size_t i = from; i < a.size(); ++i) out += ", " + a[i].code;
    return out;
  };
  switch (e.op) {
    case ExprOp::Upper: return pure(e, "streamc::utf8_upper(arena_, " + a[0].code + ")", a);
    case ExprOp::Lower: return pure(e, "streamc::utf8_lower(arena_, " + a[0].code + ")", a);
    case ExprOp::Length: return pure(e, "streamc::utf8_length(" + a[0].code + ")", a);
    case ExprOp::Substring: return pure(e, "streamc::utf8_substring(" + a[0].code + arg_list(1) + ")", a);
    case ExprOp::Trim: return pure(e, "streamc::trim(" + a[0].code + arg_list(1) + ")", a);
    case ExprOp::LTrim: return pure(e, "streamc::ltrim(" + a[0].code + arg_list(1) + ")", a);
    case ExprOp::RTrim: return pure(e, "streamc::rtrim(" + a[0].code + arg_list(1) + ")", a);
    case ExprOp::Concat: return pure(e, "streamc::concat(arena_, {" + a[0].code + ", " + a[1].code + "})", a);
    case ExprOp::ConcatFn: {
      // CONCAT skips NULLs.
      std::string parts;
      for (const Value& v : a) {
        if (!parts.empty()) parts += ", ";
        parts += v.nullable() ? "(" + v.null + " ? std::string_view() : " + v.code + ")" : v.code;
      }
      return pure(e, "streamc::concat(arena_, {" + parts + "})", {});
    }
    case ExprOp::Abs:
      if (t.id == TypeId::Double) return pure(e, "std::fabs(" + a[0].code + ")", a);
      if (t.id == TypeId::Decimal) return checked(e, a, "streamc::dec_abs(" + a[0].code + ", {})", "", "decimal overflow");
      return checked(e, a, "streamc::checked_abs(" + a[0].code + ", {})", "", "integer overflow");
    case ExprOp::Round: {
      int64_t digits = a.size() > 1 ? std::get<int64_t>(e.args[1]->literal) : 0;
      const SqlType& in = e.args[0]->type;
      if (in.id == TypeId::Double) return pure(e, "streamc::round_double(" + a[0].code + ", " + std::to_string(digits) + ")", {a[0]});
      if (in.id != TypeId::Decimal) return {a[0].code, a[0].null};
      return pure(e,
                  "streamc::dec_round_to_scale(" + a[0].code + ", " + str(in.scale) + ", " + str(t.scale) + ")",
                  {a[0]});
    }
    case ExprOp::Floor:
    case ExprOp::Ceil: {
      const SqlType& in = e.args[0]->type;
      bool floor = e.op == ExprOp::Floor;
      if (in.id == TypeId::Double) return pure(e, std::string(floor ? "std::floor(" : "std::ceil(") + a[0].code + ")", a);
      if (in.id != TypeId::Decimal) return a[0];
      return pure(e,
                  std::string(floor ? "streamc::dec_floor_to_integer(" : "streamc::dec_ceil_to_integer(") + a[0].code +
                      ", " + str(in.scale) + ")",
                  a);
    }
    case ExprOp::NullIf: {
      std::string v = fresh(), n = "n" + v.substr(1);
      w_.line("const {} {} = {};", {t.cpp_type(), v, a[0].code});
      std::string equal = a[1].nullable() ? "(!" + a[1].null + " && " + a[0].code + " == " + a[1].code + ")"
                                          : a[0].code + " == " + a[1].code;
      w_.line("const bool {} = {}{};", {n, a[0].nullable() ? a[0].null + " || " : "", equal});
      return {v, n};
    }
    default: break;
  }
  return {"/* unsupported */", ""};
}

}  // namespace streamc
