// Everything a generated pipeline needs: it includes this and <simdjson.h>.
#pragma once

#include "streamc/arena.h"
#include "streamc/chunk_pipeline.h"
#include "streamc/config.h"
#include "streamc/counters.h"
#include "streamc/csv_scan.h"
#include "streamc/decimal.h"
#include "streamc/errors.h"
#include "streamc/format.h"
#include "streamc/input.h"
#include "streamc/input_buffer.h"
#include "streamc/json.h"
#include "streamc/json_flat.h"
#include "streamc/line_scan.h"
#include "streamc/output.h"
#include "streamc/text.h"
#include "streamc/timestamp.h"
