// Every header a generated program includes, compiled once into a
// precompiled header when streamc is built: `streamc build` then spends its
// time on the query's own code, not on simdjson's.
#pragma once

#include <simdjson.h>
#include <streamc/connector.h>
#include <streamc/hash_table.h>
#include <streamc/runtime.h>
#include <streamc/scalar.h>
#include <streamc/row.h>
#include <streamc/scan.h>
#include <streamc/step.h>
#include <streamc/stream_scan.h>
#include <streamc/table_loader.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>
