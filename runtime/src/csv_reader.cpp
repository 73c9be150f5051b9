// RFC 4180 parsing straight from the input buffer. A record is parsed from
// its first byte each time; when the buffer ends inside it, the buffer is
// refilled and the record parsed again. With 1 MiB reads that restart is
// rare and keeps the parser free of saved state.
#include <algorithm>
#include <cstring>

#include "streamc/input.h"

namespace streamc {

bool CsvReader::open(const std::string& path, std::string& error, char sep) {
  keep_scratch_ = false;
  if (!in_.open(path, error)) return false;
  sep_ = sep;
  next_line_ = 1;
  return true;
}

void CsvReader::open_fd(int fd, bool owned, std::string name, char sep) {
  keep_scratch_ = false;
  in_.open_fd(fd, owned, std::move(name));
  sep_ = sep;
  next_line_ = 1;
}

void CsvReader::open_memory(std::string_view bytes, std::string name, char sep) {
  in_.open_memory(bytes, std::move(name));
  sep_ = sep;
  next_line_ = 1;
  // Unescaped text is never longer than its input: reserved once, the scratch
  // never moves, so every record's views stay valid.
  scratch_.clear();
  scratch_.reserve(bytes.size());
  keep_scratch_ = true;
}

void CsvReader::reset_record() {
  spans_.clear();
  if (!keep_scratch_) scratch_.clear();
  lines_in_record_ = 0;
  reason_ = "";
}

CsvStatus CsvReader::next(std::vector<CsvField>& fields) {
  bool polled = false;
  // Follow mode looks once more at the end, for bytes appended since.
  auto more = [&] { return in_.fill() || (follow_ && !polled && (polled = true) && in_.poll()); };
  for (;;) {
    if (in_.size() == 0 && !more() && in_.size() == 0) return CsvStatus::End;
    // In follow mode the end of input is never final: a cut-off record waits.
    const Step step = parse(in_.at_eof() && !follow_);
    if (step == Step::NeedMore) {
      if (more()) continue;
      if (follow_) return CsvStatus::End;
      continue;  // at end of input, the next parse sees eof and decides
    }
    const char* base = in_.data();
    record_line_ = next_line_;
    next_line_ += lines_in_record_;
    in_.consume(record_bytes_);
    if (step == Step::Malformed) return CsvStatus::Malformed;
    if (raw_.empty()) continue;  // an empty line
    fields.clear();
    for (const Span& s : spans_) {
      const char* text = s.in_scratch ? scratch_.data() + s.offset : base + s.offset;
      fields.push_back(CsvField{std::string_view(text, s.length), s.quoted});
    }
    return CsvStatus::Record;
  }
}

CsvReader::Step CsvReader::parse(bool eof) {
  reset_record();
  const char* d = in_.data();
  const size_t n = in_.size();
  size_t i = 0;
  for (;;) {
    if (i < n && d[i] == '"') {
      const Step step = parse_quoted(i, eof);
      if (step != Step::Record) return step;
      if (i < n && d[i] == sep_) {
        ++i;
        continue;
      }
      return end_of_line(i, eof);
    }
    // Unquoted: a stray quote inside is kept as text, as most readers do.
    const size_t start = i;
    while (i < n && d[i] != sep_ && d[i] != '\n') ++i;
    if (i == n && !eof) return Step::NeedMore;
    if (i < n && d[i] == sep_) {
      spans_.push_back(Span{start, i - start, false, false});
      ++i;
      continue;
    }
    size_t length = i - start;
    if (length > 0 && d[start + length - 1] == '\r') --length;  // CRLF
    spans_.push_back(Span{start, length, false, false});
    raw_ = std::string_view(d, start + length);
    record_bytes_ = i < n ? i + 1 : i;
    lines_in_record_ += i < n;
    return Step::Record;
  }
}

// A quoted field starting at d[i]; on success i is just past the closing quote.
CsvReader::Step CsvReader::parse_quoted(size_t& i, bool eof) {
  const char* d = in_.data();
  const size_t n = in_.size();
  const size_t start = i + 1;
  const size_t scratch_start = scratch_.size();
  bool escaped = false;
  size_t j = start;
  for (;;) {
    const void* q = std::memchr(d + j, '"', n - j);
    if (q == nullptr) {
      if (eof || n >= max_record_size_) return malformed_line("unterminated quoted field", 0, eof);
      return Step::NeedMore;
    }
    const size_t qi = static_cast<size_t>(static_cast<const char*>(q) - d);
    if (qi + 1 == n && !eof) return Step::NeedMore;  // "" or a closing quote?
    if (qi + 1 < n && d[qi + 1] == '"') {
      escaped = true;
      scratch_.append(d + j, qi + 1 - j);  // up to and including one quote
      j = qi + 2;
      continue;
    }
    lines_in_record_ += static_cast<size_t>(std::count(d + start, d + qi, '\n'));
    if (escaped) {
      scratch_.append(d + j, qi - j);
      spans_.push_back(Span{scratch_start, scratch_.size() - scratch_start, true, true});
    } else {
      spans_.push_back(Span{start, qi - start, false, true});
    }
    i = qi + 1;
    return Step::Record;
  }
}

// After a closing quote only a line end (or the end of input) may follow.
CsvReader::Step CsvReader::end_of_line(size_t i, bool eof) {
  const char* d = in_.data();
  const size_t n = in_.size();
  size_t bytes;
  if (i == n) {
    if (!eof) return Step::NeedMore;
    bytes = i;
  } else if (d[i] == '\n') {
    bytes = i + 1;
  } else if (d[i] == '\r' && i + 1 == n) {
    if (!eof) return Step::NeedMore;
    bytes = i + 1;
  } else if (d[i] == '\r' && d[i + 1] == '\n') {
    bytes = i + 2;
  } else {
    return malformed_line("unexpected character after closing quote", i, eof);
  }
  raw_ = std::string_view(d, i);
  record_bytes_ = bytes;
  lines_in_record_ += d[bytes - 1] == '\n';
  return Step::Record;
}

// A bad record ends at the end of the line where the problem was found;
// parsing resumes on the next line.
CsvReader::Step CsvReader::malformed_line(const char* reason, size_t from, bool eof) {
  const char* d = in_.data();
  const size_t n = in_.size();
  const void* nl = std::memchr(d + from, '\n', n - from);
  if (nl == nullptr && !eof) return Step::NeedMore;
  const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - d) : n;
  record_bytes_ = nl ? end + 1 : end;
  raw_ = std::string_view(d, end > 0 && d[end - 1] == '\r' ? end - 1 : end);
  lines_in_record_ = static_cast<size_t>(std::count(d, d + record_bytes_, '\n'));
  reason_ = reason;
  return Step::Malformed;
}

}  // namespace streamc
