// Time windows of a GROUP BY, in every spelling: Velostream's and ksqlDB's
// WINDOW clause, TUMBLE(ts, size) / HOP / SESSION in GROUP BY, and Flink's
// FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size)). Then the record's event
// time (the window's column, the source's WATERMARK, 'event.time.field',
// ksqlDB's 'timestamp', else processing time), the watermark's delay and
// what happens to late records. The select list reads the window's bounds
// through WindowBound nodes.
#include <streamc/config.h>
#include <streamc/timestamp.h>

#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {
namespace {

// The properties that say how a stream's event time is read; a query's WITH
// may give them for its sources at its top level.
constexpr const char* kTimeProperties[] = {"event.time.field", "event.time.format",  "timestamp",
                                           "watermark.strategy", "watermark.max_out_of_orderness",
                                           "late.data.strategy"};

// A window as written, before its event time is known.
struct WindowSpec {
  WindowKind kind = WindowKind::Tumbling;
  std::optional<int64_t> size, advance, gap, grace;
  std::string time;         // the event-time column named in the window, if any
  SourceRange time_range;
  SourceRange range;
  std::string written;      // TUMBLING, TUMBLE, HOP, ... for messages
};

const char* const kGroupWindowCalls[] = {"tumble", "hop", "session"};

bool is_group_window_call(const ast::ParsedExpr& e) {
  if (e.kind != ast::ExprKind::Function) return false;
  const auto& f = e.as<ast::FunctionExpr>();
  if (f.over) return false;
  for (const char* name : kGroupWindowCalls) {
    if (f.name == name) return true;
  }
  return false;
}

}  // namespace

bool ScriptBinder::is_window_key(const ast::ParsedExpr& e) { return is_group_window_call(e); }

bool ScriptBinder::is_time_property(const std::string& key) {
  for (const char* name : kTimeProperties) {
    if (key == name) return true;
  }
  return false;
}

// WATERMARK FOR ts AS ts [- INTERVAL ...]: the column and the delay.
std::optional<SourceWatermark> ScriptBinder::bind_watermark(const ast::WatermarkDef& def, const SourceDef& src) {
  SourceWatermark out{def.column, 0, def.range};
  const int column = src.index_of(def.column);
  if (column < 0) {
    diags_.report(DiagId::unknown_column, def.range, {def.column, src.name});
    return std::nullopt;
  }
  const TypeId type = src.columns[column].type.id;
  if (type != TypeId::Timestamp && type != TypeId::BigInt && type != TypeId::Int) {
    diags_.report(DiagId::bad_window, def.range,
                  {"the WATERMARK column '" + def.column + "' must be a TIMESTAMP (or BIGINT milliseconds), not " +
                   src.columns[column].type.to_string()});
    return std::nullopt;
  }
  const ast::ParsedExpr& e = *def.expr;
  auto names_column = [&](const ast::ParsedExpr& x) {
    return x.kind == ast::ExprKind::ColumnRef && iequals(x.as<ast::ColumnRefExpr>().name, def.column);
  };
  if (names_column(e)) return out;
  if (e.kind == ast::ExprKind::Binary) {
    const auto& b = e.as<ast::BinaryExpr>();
    if (b.op == ast::BinaryOp::Sub && names_column(*b.left) && b.right->kind == ast::ExprKind::Literal &&
        b.right->as<ast::LiteralExpr>().literal == ast::LiteralKind::Interval) {
      out.delay = b.right->as<ast::LiteralExpr>().interval_ms;
      return out;
    }
  }
  diags_.report(DiagId::not_supported, e.range,
                {"a WATERMARK other than '" + def.column + "' or '" + def.column + " - INTERVAL ...'"});
  return std::nullopt;
}

ExprPtr ExpressionBinder::window_bound(const std::string& name, SourceRange range, bool function) const {
  if (!window_bounds_) return nullptr;
  const std::string n = to_lower(name);
  int bound = -1;
  bool millis = false;  // ksqlDB's WINDOWSTART and Velostream's _window_start are BIGINT milliseconds
  if (function) {
    for (const char* prefix : {"tumble_", "hop_", "session_", "window_"}) {
      if (n == std::string(prefix) + "start") bound = 0;
      if (n == std::string(prefix) + "end") bound = 1;
    }
  } else if (n == "window_start" || n == "windowstart" || n == "_window_start") {
    bound = 0;
    millis = n != "window_start";
  } else if (n == "window_end" || n == "windowend" || n == "_window_end") {
    bound = 1;
    millis = n != "window_end";
  }
  if (bound < 0) return nullptr;
  auto e = make_node(ExprOp::WindowBound, millis ? SqlType::bigint() : SqlType::timestamp(), false, range);
  e->column = bound;
  e->column_name = bound == 0 ? "window_start" : "window_end";
  return e;
}

// The window of a query, if it has one: from its WINDOW clause, a TUMBLE /
// HOP / SESSION call in GROUP BY, or a window table function in FROM.
void ScriptBinder::bind_window(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq,
                               const Properties& time_properties) {
  std::vector<WindowSpec> specs;
  auto duration_of = [&](const ast::ParsedExpr& e, std::optional<int64_t>& out) {
    if (e.kind == ast::ExprKind::Literal && e.as<ast::LiteralExpr>().literal == ast::LiteralKind::Interval) {
      out = e.as<ast::LiteralExpr>().interval_ms;
      return true;
    }
    diags_.report(DiagId::bad_window, e.range, {"a window's size is an INTERVAL, as in INTERVAL '1' MINUTE"});
    return false;
  };
  if (q.window) {
    WindowSpec s;
    const ast::WindowClause& w = *q.window;
    s.range = w.range;
    s.kind = w.kind == ast::WindowKind::Session   ? WindowKind::Session
             : w.kind == ast::WindowKind::Tumbling ? WindowKind::Tumbling
                                                   : WindowKind::Hopping;
    s.written = w.kind == ast::WindowKind::Session    ? "SESSION"
                : w.kind == ast::WindowKind::Tumbling ? "TUMBLING"
                : w.kind == ast::WindowKind::Hopping  ? "HOPPING"
                                                      : "SLIDING";
    if (w.size) (s.kind == WindowKind::Session ? s.gap : s.size) = w.size->ms;
    if (w.advance) s.advance = w.advance->ms;
    if (w.grace) s.grace = w.grace->ms;
    s.time = w.time_column;
    s.time_range = w.range;
    specs.push_back(std::move(s));
  }
  for (const auto& k : q.group_by) {
    if (!is_group_window_call(*k)) continue;
    const auto& f = k->as<ast::FunctionExpr>();
    WindowSpec s;
    s.range = f.range;
    s.written = to_upper(f.name);
    s.kind = f.name == "tumble" ? WindowKind::Tumbling : f.name == "hop" ? WindowKind::Hopping : WindowKind::Session;
    const size_t want = s.kind == WindowKind::Hopping ? 3 : 2;
    if (f.args.size() != want || f.args[0]->kind != ast::ExprKind::ColumnRef) {
      diags_.report(DiagId::wrong_argument_count, f.range,
                    {s.written, s.kind == WindowKind::Hopping ? "a time column, a slide and a size"
                                                              : "a time column and a size",
                     std::to_string(f.args.size()) + " arguments"});
      return;
    }
    s.time = f.args[0]->as<ast::ColumnRefExpr>().name;
    s.time_range = f.args[0]->range;
    bool ok = true;
    if (s.kind == WindowKind::Hopping) {
      ok = duration_of(*f.args[1], s.advance) && duration_of(*f.args[2], s.size);
    } else {
      ok = duration_of(*f.args[1], s.kind == WindowKind::Session ? s.gap : s.size);
    }
    if (!ok) return;
    specs.push_back(std::move(s));
  }
  if (q.from && q.from->kind == ast::RelationKind::WindowFunction) {
    const ast::Relation& rel = *q.from;
    WindowSpec s;
    s.range = rel.range;
    s.written = to_upper(rel.name);
    s.time = rel.window_time;
    s.time_range = rel.window_time_range;
    const auto& args = rel.window_args;
    bool ok = true;
    if (rel.name == "tumble" && (args.size() == 1 || args.size() == 2)) {
      s.kind = WindowKind::Tumbling;
      ok = duration_of(*args[0], s.size);
      if (ok && args.size() == 2) {
        diags_.report(DiagId::not_supported, args[1]->range, {"a window offset"});
        return;
      }
    } else if (rel.name == "hop" && args.size() == 2) {
      s.kind = WindowKind::Hopping;
      ok = duration_of(*args[0], s.advance) && duration_of(*args[1], s.size);
    } else if (rel.name == "session" && args.size() == 1) {
      s.kind = WindowKind::Session;
      ok = duration_of(*args[0], s.gap);
    } else if (rel.name == "cumulate" && args.size() == 2) {
      s.kind = WindowKind::Cumulate;
      ok = duration_of(*args[0], s.advance) && duration_of(*args[1], s.size);
    } else if (rel.name == "tumble" || rel.name == "hop" || rel.name == "session" || rel.name == "cumulate") {
      const bool two = rel.name == "hop" || rel.name == "cumulate";
      diags_.report(DiagId::wrong_argument_count, rel.range,
                    {s.written, two ? (rel.name == "hop" ? "a slide and a size after DESCRIPTOR(...)"
                                                         : "a step and a size after DESCRIPTOR(...)")
                                    : "one duration after DESCRIPTOR(...)",
                     std::to_string(args.size())});
      return;
    } else {
      diags_.report(DiagId::not_supported, rel.range, {"the window table function " + s.written});
      return;
    }
    if (!ok) return;
    specs.push_back(std::move(s));
  }
  if (specs.empty()) return;
  if (specs.size() > 1) {
    diags_.report(DiagId::bad_window, specs[1].range, {"a query has one window, but this one is its second"});
    return;
  }
  WindowSpec& s = specs[0];
  BoundWindow w;
  w.kind = s.kind;
  w.range = s.range;
  if (s.kind == WindowKind::Session) {
    if (!s.gap || *s.gap <= 0) {
      diags_.report(DiagId::bad_window, s.range, {s.written + " needs a gap longer than zero, as in SESSION(30s)"});
      return;
    }
    w.gap = *s.gap;
  } else if (!s.size || *s.size <= 0) {
    diags_.report(DiagId::bad_window, s.range, {s.written + " needs a size longer than zero, as in TUMBLING(1m)"});
    return;
  }
  if (s.kind != WindowKind::Session) {
    w.size = *s.size;
    w.advance = s.kind == WindowKind::Tumbling ? w.size : s.advance.value_or(0);
    if (w.advance <= 0 || w.advance > w.size) {
      diags_.report(DiagId::bad_window, s.range,
                    {s.written + " needs an advance longer than zero and at most its size, as in " + s.written +
                     "(5m, 1m)"});
      return;
    }
    if (s.kind == WindowKind::Cumulate && w.size % w.advance != 0) {
      diags_.report(DiagId::bad_window, s.range,
                    {s.written + " needs a size that is a whole number of steps, as in CUMULATE(TABLE t, "
                                 "DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' HOUR)"});
      return;
    }
    if (s.kind != WindowKind::Session && w.advance == w.size) w.kind = WindowKind::Tumbling;
  }
  w.grace = s.grace.value_or(0);

  // The event time: the window's column, the source's WATERMARK, then the properties.
  const SourceDef& src = program_.catalog.sources()[bq.source];
  auto property = [&](const char* name) -> const PropertyValue* {
    if (auto it = time_properties.find(name); it != time_properties.end()) return &it->second;
    if (auto it = src.properties.find(name); it != src.properties.end()) return &it->second;
    return nullptr;
  };
  std::string column = s.time;
  SourceRange column_range = s.time_range;
  if (!column.empty()) {
    w.time_origin = "the window's column";
  } else if (src.watermark) {
    column = src.watermark->column;
    column_range = src.watermark->range;
    w.time_origin = "the WATERMARK of " + src.name;
  } else if (const PropertyValue* p = property("event.time.field")) {
    column = p->value;
    column_range = p->range;
    w.time_origin = "'event.time.field'";
  } else if (const PropertyValue* p = property("timestamp")) {
    column = p->value;
    column_range = p->range;
    w.time_origin = "'timestamp'";
  }
  if (column.empty()) {
    w.time_origin = "processing time";
    diags_.report(DiagId::processing_time_window, s.range, {src.name}).hint =
        "name the event-time column, as in " + s.written + "(ts, ...), WATERMARK FOR ts AS ts - INTERVAL '5' "
        "SECOND, or 'event.time.field' = 'ts'";
  } else {
    ast::ColumnRefExpr ref(column_range, bq.alias, column);
    ref.name_range = column_range;
    w.time = binder.bind_column(ref);
    if (!w.time) return;
    w.time->text = column;
    const PropertyValue* format = property("event.time.format");
    const std::string f = format ? to_lower(format->value) : "";
    const TypeId type = w.time->type.id;
    if (format && format->value.find('%') != std::string::npos) {
      // A pattern, as strftime and chrono spell them: the text is read as it says.
      std::string bad;
      if (!valid_timestamp_pattern(format->value, bad)) {
        diags_.report(DiagId::bad_property, format->range,
                      {"'event.time.format' has '" + bad + "', which streamc does not read"})
            .hint = "a pattern may use %Y %m %d %e %H %M %S %f %.f %.3f %3f %z %s %T %F and %%";
        return;
      }
      if (type == TypeId::Varchar) {
        w.time = make_cast(std::move(w.time), SqlType::timestamp());
        w.time->literal = format->value;  // the cast reads the text as the pattern says
      } else if (type != TypeId::Timestamp) {  // a TIMESTAMP column was read as ISO-8601 already
        diags_.report(DiagId::bad_window, column_range,
                      {"the event time '" + column + "' is " + w.time->type.to_string() +
                       ": a pattern in 'event.time.format' reads text (VARCHAR)"});
        return;
      }
    } else if (type == TypeId::Varchar && (f.empty() || f == "iso8601")) {
      w.time = make_cast(std::move(w.time), SqlType::timestamp());
    } else if ((type == TypeId::BigInt || type == TypeId::Int) && f != "iso8601") {
      w.time = make_cast(std::move(w.time), SqlType::bigint());
      if (f == "epoch_seconds") {
        ExprPtr thousand = make_node(ExprOp::Literal, SqlType::bigint(), false, column_range);
        thousand->literal = int64_t{1000};
        thousand->text = "1000";
        auto mul = make_node(ExprOp::Mul, SqlType::bigint(), w.time->nullable, column_range);
        mul->text = w.time->text + " * 1000";
        mul->args.push_back(std::move(w.time));
        mul->args.push_back(std::move(thousand));
        w.time = std::move(mul);
      }
    } else if (type != TypeId::Timestamp) {
      diags_.report(DiagId::bad_window, column_range,
                    {"the event time '" + column + "' is " + w.time->type.to_string() +
                     (format ? " written as '" + format->value + "'" : "") +
                     "; it must be a TIMESTAMP, BIGINT milliseconds (or seconds, with 'event.time.format' = "
                     "'epoch_seconds') or ISO-8601 text"});
      return;
    }
  }

  // The watermark's delay.
  if (src.watermark && (column.empty() || iequals(column, src.watermark->column))) w.delay = src.watermark->delay;
  const PropertyValue* strategy = property("watermark.strategy");
  const PropertyValue* max_delay = property("watermark.max_out_of_orderness");
  if (strategy && iequals(strategy->value, "bounded_out_of_orderness") && !max_delay) {
    diags_.report(DiagId::missing_property, strategy->range,
                  {"'watermark.strategy' = 'bounded_out_of_orderness' needs 'watermark.max_out_of_orderness', as "
                   "in '5s'"});
    return;
  }
  if (max_delay && !(strategy && iequals(strategy->value, "ascending"))) {
    if (!parse_duration_ms(max_delay->value, w.delay)) {
      diags_.report(DiagId::bad_property, max_delay->range,
                    {"'watermark.max_out_of_orderness' must be a duration such as 5s, not '" + max_delay->value + "'"});
      return;
    }
  }
  if (strategy && iequals(strategy->value, "ascending")) w.delay = 0;
  if (const PropertyValue* late = property("late.data.strategy"); late && iequals(late->value, "dead_letter")) {
    w.late = LateData::DeadLetter;
    if (!src.properties.count("dlq.path")) {
      const std::string prefix = src.properties.count("type") ? src.name + "." : "";
      diags_.report(DiagId::missing_property, late->range,
                    {"'late.data.strategy' = 'dead_letter' needs '" + prefix +
                     "dlq.path', the dead-letter file late records go to"});
      return;
    }
  }
  binder.allow_window_bounds(true);
  bq.window = std::move(w);
}

}  // namespace streamc
