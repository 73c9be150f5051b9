// A per-record function with every kind of code the hot-path check rejects: a
// virtual call, heap allocations, a map keyed by strings and a throw; and a
// marked runtime loop, with a lambda, that allocates (bad_runtime.h).
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bad_runtime.h"
struct Base { virtual int f() const { return 1; } };
class Program {
 public:
  int on_trades_0(const Base& b);
  std::map<std::string, int> names_;
  std::vector<int> v_;
};
int Program::on_trades_0(const Base& b) {
  int x = b.f();
  int* p = new int(3);
  std::string s = "a long string that allocates on the heap";
  v_.push_back(x);
  if (names_.count(s)) throw std::runtime_error("no");
  delete p;
  return x;
}
int helper() { return *new int(1); }  // not a per-record function: fine
void probe_trades(int* found) { found[0] = *new int(2); }
bool scan_trades() {
  int* once = new int(0);  // set-up of the scan: fine
  std::vector<int> records;
  return open_scan(records) + run_group(records, *once) > 0;
}
