#include "codegen/emit_source.h"

#include "codegen/cpp_literals.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// Opens the file of a scan, waiting for it when '<source>.file.wait.timeout'
// says so: a FileReader for JSON lines, a CsvReader for CSV.
void emit_open(CodeWriter& w, const SourceDef& src, const std::string& name, bool declare_reader = true) {
  if (declare_reader) w.line("streamc::{} reader;", {src.format == Format::Json ? "FileReader" : "CsvReader"});
  std::string wait = "streamc::wait_for_file(path, shown, " + cpp_c_string(name) + ", config.get(" +
                     cpp_c_string(property_name(src, "file.wait.timeout")) + "), config.get(" +
                     cpp_c_string(property_name(src, "file.retry.interval")) + "), error)";
  auto open = w.block("if (!" + wait + " || !reader.open(path, error))");
  w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
  w.line("return false;");
}

// Finds the position of each named column in a CSV header, once per file;
// the array ends with -1.
void emit_csv_positions(CodeWriter& w, const std::string& array, const std::vector<std::string>& names) {
  if (names.empty()) return;
  std::vector<std::string> literals;
  for (const auto& n : names) literals.push_back(cpp_string_literal(n));
  std::string base = array.back() == '_' ? array.substr(0, array.size() - 1) : array;
  std::string names_array = "k" + camel_case(base) + "Names";
  w.line("static constexpr std::string_view {}[] = {{}};", {names_array, join(literals, ", ")});
  auto loop = w.block("for (size_t i = 0; i < std::size(" + names_array + "); ++i)");
  w.line("{}[i] = streamc::find_column(fields, {}[i]);", {array, names_array});
  auto missing = w.block("if (" + array + "[i] < 0)");
  w.line("std::fprintf(stderr, \"error: %s: the header has no column '%.*s'\\n\", shown.c_str(),");
  w.line("             static_cast<int>({}[i].size()), {}[i].data());", {names_array, names_array});
  w.line("return false;");
}

// Reads the header line of a CSV file and finds the columns read (and, for a
// table, every non-key column, which decides whether a row is a delete).
void emit_csv_header(CodeWriter& w, const SourceDef& src, const Scan& scan, const std::string& suffix, bool table) {
  w.line("// The header names the fields; each column is found by name once.");
  {
    auto header = w.block("if (reader.next(fields) != streamc::CsvStatus::Record)");
    w.line("std::fprintf(stderr, \"error: %s: the file has no header line\\n\", shown.c_str());");
    w.line("return false;");
  }
  std::vector<std::string> names;
  for (const ScanField& f : scan.fields) names.push_back(src.columns[f.column].name);
  if (suffix.empty()) w.line("int pos[{}] = {};", {std::to_string(names.size() + 1), "{}"});
  emit_csv_positions(w, "pos" + suffix, names);
  w.line("pos{}[{}] = -1;", {suffix, std::to_string(names.size())});
  if (table) {
    std::vector<std::string> values;
    for (const Column& c : src.columns) {
      if (!c.key) values.push_back(c.name);
    }
    emit_csv_positions(w, "value_pos" + suffix, values);
    w.line("value_pos{}[{}] = -1;", {suffix, std::to_string(values.size())});
  }
  w.line("{} = fields.size();", {suffix.empty() ? "const size_t width" : "width" + suffix});
}

}  // namespace

const SourceDef& source_of(const Plan& plan, int index) { return plan.program->catalog.sources()[index]; }

std::string mask_name(const RowLayout& row, const ScanField& f) {
  return row.row_type + "::" + row_null_constant(f.field);
}

void emit_null_reset(CodeWriter& w, const RowLayout& row) {
  int words = null_words(row);
  for (int k = 0; k < words; ++k) {
    std::string index = words == 1 ? "" : str(k);
    w.line("r.{} = {}::kAllNull{};", {words == 1 ? "nulls" : "nulls[" + index + "]", row.row_type, index});
  }
}

std::string property_name(const SourceDef& source, const std::string& property) {
  return source.name + "." + property;
}

std::string key_type(const Plan& plan, const Table& table) {
  const SourceDef& src = source_of(plan, table.source);
  if (table.key.size() == 1) return src.columns[table.key[0]].type.cpp_type();
  std::vector<std::string> types;
  for (int k : table.key) types.push_back(src.columns[k].type.cpp_type());
  return "std::tuple<" + join(types, ", ") + ">";
}

std::string key_of_row(const Plan& plan, const Table& table, const std::string& access) {
  std::vector<std::string> parts;
  for (int k : table.key) parts.push_back(access + table.field_of(k)->field);
  if (parts.size() == 1) return parts[0];
  return key_type(plan, table) + "(" + join(parts, ", ") + ")";
}

void emit_row_struct(CodeWriter& w, const Plan& plan, const RowLayout& row, int source, bool table) {
  const SourceDef& src = source_of(plan, source);
  if (table) {
    w.line("// A row of the table {}: the {} of its {} columns the queries use.",
           {comment_text(src.name), str(row.fields.size()), str(src.columns.size())});
  } else {
    w.line("// A record of {}: the {} of its {} columns the queries read.",
           {comment_text(src.name), str(row.fields.size()), str(src.columns.size())});
  }
  {
    auto body = w.block("struct " + row.row_type, "};");
    for (const ScanField& f : row.fields) {
      const Column& c = src.columns[f.column];
      std::string init = c.type.id == TypeId::Varchar ? "" : " = " + default_value(c.type);
      std::string note = c.type.to_string() + (c.key && table ? " KEY" : c.nullable ? "" : " NOT NULL");
      w.line("{} {}{};  // {}", {c.type.cpp_type(), f.field, init, note});
    }
    int words = null_words(row);
    if (words == 1) w.line("uint64_t nulls = 0;  // a set bit marks a NULL column");
    else w.line("uint64_t nulls[{}] = {};  // a set bit marks a NULL column; 64 columns a word", {str(words), "{}"});
    std::vector<std::vector<std::string>> all(words);
    for (size_t i = 0; i < row.fields.size(); ++i) {
      std::string name = row_null_constant(row.fields[i].field);
      w.line("static constexpr uint64_t {} = uint64_t(1) << {};", {name, str(i % 64)});
      all[i / 64].push_back(name);
    }
    for (int k = 0; k < words; ++k) {
      w.line("static constexpr uint64_t kAllNull{} = {};",
             {words == 1 ? "" : str(k), all[k].empty() ? "0" : join(all[k], " | ")});
    }
  }
  if (table) {
    // The table copies the strings of a row it keeps out of the read buffer.
    w.line("template <class F>");
    std::vector<std::string> visits;
    for (const ScanField& f : row.fields) {
      if (src.columns[f.column].type.id == TypeId::Varchar) visits.push_back("f(r." + f.field + ");");
    }
    std::string param = visits.empty() ? "" : " r";
    std::string fparam = visits.empty() ? "" : " f";
    {
      auto visit = w.block("void visit_strings(" + row.row_type + "&" + param + ", F&&" + fparam + ")");
      for (const auto& v : visits) w.line(v);
    }
    w.line("// What a LEFT JOIN sees when {} has no row for the key: every column NULL.", {comment_text(src.name)});
    auto missing = w.block("constexpr " + row.row_type + " k" + row.row_type.substr(0, row.row_type.size() - 3) +
                               "Missing = [] ",
                           "}();");
    w.line("{} r;", {row.row_type});
    emit_null_reset(w, row);
    w.line("return r;");
  }
}

// A query FROM a table reads its rows as they are once every table is loaded.
void emit_table_read(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const Table& table = plan.tables[scan.reads_table];
  w.line("// Reads the table {} as it is once every table is loaded.",
         {comment_text(source_of(plan, scan.source).name)});
  auto fn = w.block("bool " + scan.function + "(Program& program, const streamc::Config& config)");
  w.line("(void)config;");
  w.line("std::string_view failed;");
  auto each_pass = [&](const std::string& member, const std::string& row_type, const std::vector<std::string>& body) {
    auto each = w.block("program." + member + ".for_each([&](const auto& key, const " + row_type + "& row)", "});");
    w.line("(void)key;");
    w.line("if (!failed.empty()) return;");
    w.line("program.begin_record();");
    for (const auto& line : body) w.line(line);
  };
  std::vector<std::string> calls;
  for (int p : scan.pipelines) {
    calls.push_back("if (program." + plan.pipelines[p].function + "(row) == Step::Error) failed = program.error();");
  }
  each_pass(table.member, table.row_type, calls);
  for (int p : scan.pipelines) {
    const Pipeline& pipeline = plan.pipelines[p];
    if (!pipeline.unmatched_pass) continue;
    const Table& right = plan.tables[pipeline.lookups[0].table];
    w.line("// The rows of {} that no row of {} matched.", {comment_text(source_of(plan, right.source).name),
                                                              comment_text(source_of(plan, scan.source).name)});
    each_pass(right.member, right.row_type,
              {"if (program." + pipeline.function + "_unmatched(row) == Step::Error) failed = program.error();"});
  }
  {
    auto error = w.block("if (!failed.empty())");
    w.line("std::fprintf(stderr, \"error: %.*s\\n\", static_cast<int>(failed.size()), failed.data());");
    w.line("return false;");
  }
  w.line("return true;");
}

// Runs a parsed record through every pipeline of the scan, in script order,
// and then the source's bad-record policy when one of them failed (or the
// record did not parse). `row` names the record, `found` (may be empty) the
// rows a batch probe found for it, `line` / `raw` where it came from; `stop`
// is the statement that ends the scan.
void emit_record_dispatch(CodeWriter& w, const Plan& plan, const Scan& scan, const std::string& parsed,
                          const std::string& row, const std::string& found, const std::string& line,
                          const std::string& raw, const std::string& stop = "return false;") {
  {
    auto ok = w.block("if (" + parsed + ")");
    w.line("program.begin_record();");
    for (size_t i = 0; i < scan.pipelines.size(); ++i) {
      const Pipeline& pipeline = plan.pipelines[scan.pipelines[i]];
      std::string args = row;
      if (pipeline.batched()) args += ", " + fmt(found, {std::to_string(scan.pipelines[i])});
      w.line("{}step = program.{}({});", {i == 0 ? "" : "if (step != Step::Error) ", pipeline.function, args});
    }
    w.line("if (step == Step::Error) reason = program.error();");
  }
  auto failed = w.block("if (step == Step::Error && !bad.handle(shown, " + line + ", " + raw + ", reason))");
  for (std::string_view rest = stop; !rest.empty();) {  // one statement per line
    size_t end = rest.find('\n');
    w.line(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
}

bool scan_batches_lookups(const Plan& plan, const Scan& scan) {
  for (int p : scan.pipelines) {
    if (plan.pipelines[p].batched()) return true;
  }
  return false;
}

// TradesRow -> Trades: the stem of a scan's generated names.
std::string scan_stem(const Scan& scan) {
  const std::string& t = scan.row_type;
  return t.size() > 3 && t.compare(t.size() - 3, 3, "Row") == 0 ? t.substr(0, t.size() - 3) : t;
}

std::string lines_type(const Plan& plan, const Scan& scan) {
  return scan_batches_lookups(plan, scan) ? scan_stem(scan) + "Lines" : "streamc::ParsedLines<" + scan.row_type + ">";
}

std::string probe_function(const Scan& scan) { return "probe" + scan.function.substr(scan.function.find('_')); }

// For a JSON stream whose pipelines probe tables by plain columns: what the
// probes found for a record (one row pointer per join of each pipeline), and
// the function that probes a group of records, each table for the keys of the
// whole group at once, so the hash table prefetches every probe's memory
// before it compares any and the cache misses of a large table overlap.
void emit_lookup_probes(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const std::string stem = scan_stem(scan);
  w.line("// What the tables held for a record of {}: a row (or nullptr) per probed join.",
         {comment_text(source_of(plan, scan.source).name)});
  {
    auto found = w.block("struct " + stem + "Found", "};");
    for (int p : scan.pipelines) {
      const Pipeline& pipeline = plan.pipelines[p];
      if (pipeline.batched()) w.line("const void* q{}[{}] = {};", {str(p), str(pipeline.lookups.size()), "{}"});
    }
  }
  w.line("using {}Lines = streamc::ParsedLines<{}, {}Found>;", {stem, scan.row_type, stem});
  w.blank();
  w.line("// Probes the tables for up to kProbeGroup records, each table for all their keys at once.");
  auto fn = w.block("void " + probe_function(scan) + "(const Program& program, " + stem +
                    "Lines::Line* records, size_t n)");
  for (int p : scan.pipelines) {
    const Pipeline& pipeline = plan.pipelines[p];
    for (size_t j = 0; j < pipeline.lookups.size(); ++j) {
      const Lookup& l = pipeline.lookups[j];
      if (!l.batched) continue;
      const Table& table = plan.tables[l.table];
      auto probe = w.block("");
      w.line("// {}: the keys of the group, then one probe of them all", {comment_text(l.var)});
      w.line("{} keys[kProbeGroup];", {key_type(plan, table)});
      w.line("const {}* rows_found[kProbeGroup];", {table.row_type});
      std::vector<std::string> parts, nulls;
      for (const auto& k : l.join->key) {
        const ScanField* f = scan.field_of(k->column);
        parts.push_back("records[i].row." + f->field);
        if (k->nullable) {
          nulls.push_back("(records[i].row." + null_word(scan, scan.slot_of(k->column)) + " & " +
                          mask_name(scan, *f) + ")");
        }
      }
      std::string usable = "records[i].parsed" + (nulls.empty() ? "" : " && !(" + join(nulls, " || ") + ")");
      std::string key = parts.size() == 1 ? parts[0] : key_type(plan, table) + "(" + join(parts, ", ") + ")";
      w.line("for (size_t i = 0; i < n; ++i) keys[i] = {} ? {} : {}();", {usable, key, key_type(plan, table)});
      w.line("program.{}.find_batch(keys, n, rows_found);", {table.member});
      w.line("for (size_t i = 0; i < n; ++i) records[i].found.q{}[{}] = {} ? rows_found[i] : nullptr;",
             {str(p), str(j), usable});
    }
  }
}

// JSON lines go through streamc::scan_lines: a mapped file is parsed in
// chunks on every core while this thread runs the pipelines over the parsed
// records in input order (a pipe is read a line at a time). Records run in
// groups of up to kProbeGroup, probed together. While the tables cannot change
// (none is watched and no query of this stream writes one) the threads that
// parse a chunk probe it too; otherwise this thread probes each group after
// the watched tables' changes, one record per group while a table is watched.
void emit_json_line_scan(CodeWriter& w, const Plan& plan, const Scan& scan, bool has_tables) {
  const bool batched = scan_batches_lookups(plan, scan);
  bool writes_tables = false;
  for (int p : scan.pipelines) writes_tables = writes_tables || plan.pipelines[p].query->sink.kind == SinkKind::Table;
  const std::string lines = lines_type(plan, scan);
  w.line("streamc::LineScanOptions options;");
  {
    auto bad_options = w.block("if (!streamc::line_scan_options(config, options, error))");
    w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
    w.line("return false;");
  }
  w.line("bool failed = false;");
  if (batched) {
    if (writes_tables) {
      w.line("const bool probe_ahead = false;  // a query of this stream writes a table");
    } else {
      if (has_tables) {
        w.line("// No table is watched: none changes while the file is read, so the");
        w.line("// thread that parses a chunk probes the tables for it too.");
        w.line("const bool probe_ahead = !program.any_watched();");
      } else {
        w.line("// The tables do not change while the file is read: the thread that");
        w.line("// parses a chunk probes them for it too.");
        w.line("const bool probe_ahead = true;");
      }
      w.line("// On the thread that parsed the chunk.");
      auto prepared = w.block("auto prepared = [&](" + lines + "& chunk)", "};");
      w.line("if (!probe_ahead) return;");
      auto groups = w.block("for (size_t first = 0; first < chunk.size(); first += kProbeGroup)");
      w.line("{}(program, chunk.data() + first, std::min(kProbeGroup, chunk.size() - first));", {probe_function(scan)});
    }
  }
  w.line("// Parsed records, in input order: false stops the scan.");
  {
    auto run = w.block("auto run = [&](" + lines + "& batch)", "};");
    // One record of the batch, in input order.
    auto emit_record = [&](CodeWriter& w) {
      w.line("if (program.done()) return false;");
      w.line("++program.counters.read;");
      w.line("Step step = Step::Error;");
      w.line("std::string_view reason = records[i].reason;");
      emit_record_dispatch(w, plan, scan, "records[i].parsed", "records[i].row", "records[i].found.q{}",
                           "records[i].number", "records[i].line", "failed = true;\nreturn false;");
    };
    if (!has_tables && !batched) {
      w.line("const auto* records = batch.data();");
      auto each = w.block("for (size_t i = 0; i < batch.size(); ++i)");
      emit_record(w);
    } else {
      w.line(has_tables ? "const size_t group = program.any_watched() ? 1 : kProbeGroup;"
                        : "const size_t group = kProbeGroup;");
      auto groups = w.block("for (size_t first = 0; first < batch.size(); first += group)");
      w.line("const size_t n = std::min(group, batch.size() - first);");
      w.line("auto* records = batch.data() + first;");
      if (has_tables) {
        w.line("// Watched tables first.");
        auto poll = w.block("if (!program.poll_tables())");
        w.line("failed = true;");
        w.line("return false;");
      }
      if (batched) {
        w.line("if (!probe_ahead) {}(program, records, n);", {probe_function(scan)});
        w.line("// The strings of the rows found, for the whole group at once.");
        auto each = w.block("for (size_t i = 0; i < n; ++i)");
        for (int p : scan.pipelines) {
          const Pipeline& pipeline = plan.pipelines[p];
          for (size_t j = 0; j < pipeline.lookups.size(); ++j) {
            if (!pipeline.lookups[j].batched) continue;
            w.line("streamc::prefetch_strings<{}>(records[i].found.q{}[{}]);",
                   {plan.tables[pipeline.lookups[j].table].row_type, str(p), str(j)});
          }
        }
      }
      auto each = w.block("for (size_t i = 0; i < n; ++i)");
      emit_record(w);
    }
    w.line("return true;");
  }
  w.line("streamc::scan_lines<{}, simdjson::ondemand::parser>(reader, options, {}, {}run);",
         {lines, scan.parse_function, batched && !writes_tables ? "prepared, " : ""});
}

void emit_scan_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  if (scan.reads_table >= 0) {
    emit_table_read(w, plan, scan);
    return;
  }
  if (scan.table >= 0) {
    emit_loader_methods(w, plan, scan);
    w.blank();
    emit_load_function(w, plan, scan);
    return;
  }
  const SourceDef& src = source_of(plan, scan.source);
  bool has_tables = !plan.tables.empty() && plan.scans.front().table >= 0;
  if (src.format == Format::Json && scan_batches_lookups(plan, scan)) {
    emit_lookup_probes(w, plan, scan);
    w.blank();
  }
  w.line("// Reads {} to its end and feeds each record to the pipelines that read it.", {comment_text(src.name)});
  auto fn = w.block("bool " + scan.function + "(Program& program, const streamc::Config& config)");
  std::string path_property = cpp_c_string(property_name(src, "path"));
  w.line("// Messages name the file as the query or --set gave it.");
  w.line("const std::string& shown = config.get({});", {path_property});
  w.line("const std::string path = config.path({}, STREAMC_QUERY_DIR);", {path_property});
  w.line("streamc::OnError policy = streamc::OnError::Fail;");
  w.line("streamc::parse_on_error(config.get({}), policy);", {cpp_c_string(property_name(src, "on.error"))});
  w.line("streamc::BadRecordHandler bad({}, policy, config.path({}, STREAMC_QUERY_DIR));",
         {cpp_c_string(src.name), cpp_c_string(property_name(src, "dlq.path"))});
  w.line("std::string error;");
  if (src.format != Format::Json) {
    w.line("{} row;", {scan.row_type});
    w.line("std::string_view reason;");
  }
  emit_open(w, src, src.name);

  auto emit_dispatch = [&](const std::string& raw) {
    if (has_tables) w.line("if (!program.poll_tables()) return false;  // watched tables first");
    w.line("Step step = Step::Error;");
    emit_record_dispatch(w, plan, scan, "parsed", "row", "", "reader.line_number()", raw);
  };
  if (src.format == Format::Json) {
    emit_json_line_scan(w, plan, scan, has_tables);
  } else {
    w.line("std::vector<streamc::CsvField> fields;");
    emit_csv_header(w, src, scan, "", false);
    auto loop = w.block("while (!program.done())");
    w.line("const streamc::CsvStatus status = reader.next(fields);");
    w.line("if (status == streamc::CsvStatus::End) break;");
    w.line("++program.counters.read;");
    w.line("bool parsed = false;");
    w.line("if (status == streamc::CsvStatus::Malformed) reason = reader.error_reason();");
    w.line("else if (fields.size() != width) reason = \"the record does not have as many fields as the header\";");
    w.line("else parsed = {}(fields, pos, row, reason);", {scan.parse_function});
    emit_dispatch("reader.raw_record()");
  }
  w.line("program.counters.skipped += bad.skipped();");
  w.line(src.format == Format::Json ? "return !failed;" : "return true;");
}

std::string loader_type(const Plan& plan, const Scan& scan) {
  return camel_case(source_of(plan, scan.source).name) + "Loader";
}

void emit_loader_class(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = source_of(plan, scan.source);
  std::string type = loader_type(plan, scan);
  w.line("// Reads the table {} from its file: the load before the streams, and,", {comment_text(src.name)});
  w.line("// when {} is true, the rows appended while they run.", {cpp_c_string(property_name(src, "watch"))});
  auto cls = w.block("class " + type, "};");
  w.dedent();
  w.line(" public:");
  w.indent();
  w.line("bool open(const streamc::Config& config);");
  w.line("// Reads every whole record there is now: each upserts its row or deletes its key.");
  w.line("bool poll(Program& program);");
  w.line("bool watching() const { return watch_; }");
  w.line("void close() { reader_.close(); }");
  w.blank();
  w.dedent();
  w.line(" private:");
  w.indent();
  w.line("std::string shown_;  // the path as the query or --set gave it");
  w.line("std::string path_;");
  w.line("bool watch_ = false;");
  w.line("uint64_t skipped_ = 0;  // bad records already counted");
  w.line("std::unique_ptr<streamc::BadRecordHandler> bad_;");
  w.line("{} row_;", {scan.row_type});
  if (src.format == Format::Json) {
    w.line("streamc::FileReader reader_;");
    w.line("simdjson::ondemand::parser parser_;");
    w.line("streamc::Arena strings_;  // the row's unescaped strings, until the next row");
  } else {
    size_t values = 0;
    for (const Column& c : src.columns) values += c.key ? 0 : 1;
    w.line("streamc::CsvReader reader_;");
    w.line("std::vector<streamc::CsvField> fields_;");
    w.line("int pos_[{}] = {};  // the field of each column kept", {str(scan.fields.size() + 1), "{}"});
    w.line("int value_pos_[{}] = {};  // the field of each non-key column", {str(values + 1), "{}"});
    w.line("size_t width_ = 0;");
    w.line("streamc::LineScanOptions options_;  // threads and chunks of the first, mapped read");
  }
}

// A table's CSV file that is mapped (a regular file, not watched) is read
// once: its records are parsed in chunks on every core and applied here, in
// file order, so the last row of a key still wins.
template <class ApplyTo>
void emit_chunked_table_load(CodeWriter& w, const Plan& plan, const Scan& scan, bool key_only, ApplyTo& apply_to) {
  const Table& table = plan.tables[scan.table];
  auto chunked = w.block("if (reader_.mapped())");
  w.line("using Records = streamc::ParsedLines<{}, streamc::TableRecord>;", {scan.row_type});
  w.line("bool failed = false;");
  w.line("// On any thread.");
  {
    auto parse = w.block("auto parse = [this](const std::vector<streamc::CsvField>& fields, Records::Line& record)", "};");
    {
      auto width = w.block("if (fields.size() != width_)");
      w.line("record.reason = \"the record does not have as many fields as the header\";");
      w.line("return;");
    }
    w.line("record.parsed = {}(fields, pos_, record.row, record.reason);", {scan.parse_function});
    if (!key_only) {
      w.line("bool has_value = false;");
      w.line("for (size_t i = 0; value_pos_[i] >= 0; ++i) has_value = has_value || !streamc::csv_is_null(fields[value_pos_[i]]);");
      w.line("record.found.has_value = has_value;");
    }
  }
  w.line("// In file order.");
  {
    auto apply = w.block("auto apply = [&](Records& records)", "};");
    w.line("constexpr size_t kAhead = 8;");
    {
      auto each = w.block("for (size_t i = 0; i < records.size(); ++i)");
      w.line("// The table's memory for a record a few ahead, so the misses overlap.");
      w.line("if (i + kAhead < records.size()) program.{}.prefetch({});",
             {table.member, key_of_row(plan, table, "records.data()[i + kAhead].row.")});
      w.line("const Records::Line& record = records.data()[i];");
      w.line("++program.counters.read;");
      w.line("std::string_view reason = record.reason;");
      apply_to("record.parsed", "record.row", key_only ? "true" : "record.found.has_value", "record.number", "record.line",
               "failed = true;\nreturn false;");
    }
    w.line("return true;");
  }
  w.line("// After the first chunk: room for the keys the rest of the file adds at the");
  w.line("// first chunk's rate, so that the load does not rebuild the table again and again.");
  w.line("auto sized = [&](double rest) { program.{}.reserve(program.{}.size() + static_cast<size_t>(program.{}.size() * rest), options_.threads); };",
         {table.member, table.member, table.member});
  w.line("streamc::scan_csv_records<Records>(reader_, options_, ',', shown_, parse, apply, sized);");
  w.line("program.counters.skipped += bad_->skipped() - skipped_;");
  w.line("skipped_ = bad_->skipped();");
  w.line("return !failed;");
}

void emit_loader_methods(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = source_of(plan, scan.source);
  const Table& table = plan.tables[scan.table];
  std::string type = loader_type(plan, scan);
  std::string path_property = cpp_c_string(property_name(src, "path"));
  {
    auto fn = w.block("bool " + type + "::open(const streamc::Config& config)");
    w.line("shown_ = config.get({});", {path_property});
    w.line("path_ = config.path({}, STREAMC_QUERY_DIR);", {path_property});
    w.line("watch_ = config.get({}) == \"true\";", {cpp_c_string(property_name(src, "watch"))});
    w.line("streamc::OnError policy = streamc::OnError::Fail;");
    w.line("streamc::parse_on_error(config.get({}), policy);", {cpp_c_string(property_name(src, "on.error"))});
    w.line("bad_ = std::make_unique<streamc::BadRecordHandler>({}, policy, config.path({}, STREAMC_QUERY_DIR));",
           {cpp_c_string(src.name), cpp_c_string(property_name(src, "dlq.path"))});
    w.line("std::string error;");
    w.line("const std::string& path = path_;");
    w.line("const std::string& shown = shown_;");
    w.line("auto& reader = reader_;");
    w.line("reader_.set_follow(watch_);  // a watched file is read as it grows, not mapped");
    emit_open(w, src, src.name, false);
    if (src.format == Format::Csv) {
      {
        auto bad_options = w.block("if (!streamc::line_scan_options(config, options_, error))");
        w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
        w.line("return false;");
      }
      w.line("auto& fields = fields_;");
      emit_csv_header(w, src, scan, "_", true);
    }
    w.line("return true;");
  }
  w.blank();
  auto fn = w.block("bool " + type + "::poll(Program& program)");
  w.line("std::string_view reason;");
  w.line("bool has_value = false;");
  // A table of keys alone (an allow-list) has nothing that could be NULL: every row inserts.
  bool key_only = true;
  for (const Column& c : src.columns) key_only = key_only && c.key;
  std::string present = key_only ? "true" : "has_value";
  // Upserts (or deletes) a parsed record `row`; `present` says whether some
  // non-key column has a value. `line`, `raw` and `stop` as in emit_record_dispatch.
  auto emit_apply_to = [&](const std::string& parsed, const std::string& row, const std::string& present,
                           const std::string& line, const std::string& raw, const std::string& stop) {
    w.line("Step step = {} ? Step::Next : Step::Error;", {parsed});
    {
      auto ok = w.block("if (" + parsed + ")");
      std::vector<std::string> nulls;
      for (int k : table.key) {
        nulls.push_back("(" + row + "." + null_word(scan, scan.slot_of(k)) + " & " + mask_name(scan, *scan.field_of(k)) + ")");
      }
      {
        auto no_key = w.block("if (" + join(nulls, " || ") + ")");
        w.line("++program.counters.skipped;  // a row without a key can never match: it is not kept");
        w.line("continue;");
      }
      const std::string row_key = key_of_row(plan, table, row + ".");
      w.line("if ({}) program.{}.upsert({}, {});", {present, table.member, row_key, row});
      w.line("else program.{}.erase({});", {table.member, row_key});
      w.line("++program.{};", {table.version});
    }
    auto failed = w.block("if (step == Step::Error && !bad_->handle(shown_, " + line + ", " + raw + ", reason))");
    for (std::string_view rest = stop; !rest.empty();) {
      size_t end = rest.find('\n');
      w.line(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
  };
  auto emit_apply = [&](const std::string& raw) {
    emit_apply_to("parsed", "row_", present, "reader_.line_number()", raw, "return false;");
  };
  if (src.format == Format::Json) {
    w.line("std::string_view line;");
    {
      auto loop = w.block("while (watch_ ? reader_.next_whole_line(line) : reader_.next_line(line))");
      w.line("if (line.find_first_not_of(\" \\t\") == std::string_view::npos) continue;");
      w.line("++program.counters.read;");
      w.line("strings_.reset();");
      w.line("const bool parsed = {}(parser_, line, row_, reason, strings_, has_value);", {scan.parse_function});
      emit_apply("line");
    }
  } else {
    emit_chunked_table_load(w, plan, scan, key_only, emit_apply_to);
    auto loop = w.block("while (true)");
    w.line("const streamc::CsvStatus status = reader_.next(fields_);");
    w.line("if (status == streamc::CsvStatus::End) break;");
    w.line("++program.counters.read;");
    w.line("bool parsed = false;");
    w.line("if (status == streamc::CsvStatus::Malformed) reason = reader_.error_reason();");
    w.line("else if (fields_.size() != width_) reason = \"the record does not have as many fields as the header\";");
    w.line("else parsed = {}(fields_, pos_, row_, reason);", {scan.parse_function});
    if (!key_only) {
      auto values = w.block("if (parsed)");
      w.line("has_value = false;");
      w.line("for (size_t i = 0; value_pos_[i] >= 0; ++i) has_value = has_value || !streamc::csv_is_null(fields_[value_pos_[i]]);");
    }
    emit_apply("reader_.raw_record()");
  }
  w.line("program.counters.skipped += bad_->skipped() - skipped_;");
  w.line("skipped_ = bad_->skipped();");
  w.line("return true;");
}

void emit_load_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const Table& table = plan.tables[scan.table];
  std::string loader = "program." + table.member + "loader";
  w.line("// Loads {} to the end of its file; a watched file stays open.",
         {comment_text(source_of(plan, scan.source).name)});
  auto fn = w.block("bool " + scan.function + "(Program& program, const streamc::Config& config)");
  w.line("if (!{}.open(config) || !{}.poll(program)) return false;", {loader, loader});
  w.line("if (!{}.watching()) {}.close();", {loader, loader});
  w.line("return true;");
}

}  // namespace streamc
