#!/bin/sh
# The hand-written baselines of tools/bench (bench/handwritten) must write
# the same records, byte for byte and in the same order, as streamc's build
# of each workload, over a small generated data set.
#   handwritten_matches_test.sh SOURCE_DIR SCRATCH STREAMC GEN_TRADES HAND_W1 HAND_W2 HAND_W3 GEN_MEASUREMENTS HAND_W4
#                               HAND_W5 HAND_W6
set -eu
src=$1 dir=$2 streamc=$3 gen=$4 hand_w1=$5 hand_w2=$6 hand_w3=$7 gen_measurements=$8 hand_w4=$9 hand_w5=${10}
hand_w6=${11}
export STREAMC_CACHE_DIR="${STREAMC_CACHE_DIR:-$dir/cache}"
rm -rf "$dir/data" "$dir/out"
mkdir -p "$dir/data" "$dir/out"
# --limits below --users, so that limits.csv has distinct keys (as in tools/bench).
"$gen" --out "$dir/data" --trades 20000 --users 20000 --limits 10000 --symbols 5000
d=$dir/data o=$dir/out

"$streamc" build "$src/bench/queries/w1_filter_project.sql" -o "$dir/w1"
"$streamc" build "$src/examples/trades/enrich.sql" -o "$dir/w2"
"$streamc" build "$src/bench/queries/w3_big_table.sql" -o "$dir/w3"
"$streamc" build "$src/bench/queries/w4_1brc.sql" -o "$dir/w4"
"$streamc" build "$src/bench/queries/w5_tumbling.sql" -o "$dir/w5"
"$streamc" build "$src/bench/queries/w6_lag.sql" -o "$dir/w6"

"$dir/w1" --set "trades.path=$d/trades.jsonl" --set "big_trades.path=$o/w1.jsonl"
"$hand_w1" "$d/trades.jsonl" "$o/hand_w1.jsonl"
"$dir/w2" --set "trades.path=$d/trades.jsonl" --set "user_profiles.path=$d/users.csv" \
  --set "limits.path=$d/limits.csv" --set "market_data.path=$d/market.csv" \
  --set "enriched_trades.path=$o/w2.jsonl"
"$hand_w2" "$d/trades.jsonl" "$d/users.csv" "$d/limits.csv" "$d/market.csv" "$o/hand_w2.jsonl"
"$dir/w3" --set "trades.path=$d/trades.jsonl" --set "users.path=$d/users.csv" --set "scored.path=$o/w3.jsonl"
"$hand_w3" "$d/trades.jsonl" "$d/users.csv" "$o/hand_w3.jsonl"
"$gen_measurements" --stations "$src/../shared/data/1brc-stations.csv" --out "$d/measurements.txt" --rows 50000
"$dir/w4" --set "measurements.path=$d/measurements.txt" --set "station_stats.path=$o/w4.jsonl"
"$hand_w4" "$d/measurements.txt" "$o/hand_w4.jsonl"
"$dir/w5" --set "trades.path=$d/trades.jsonl" --set "minute_bars.path=$o/w5.jsonl"
"$hand_w5" "$d/trades.jsonl" "$o/hand_w5.jsonl"
"$dir/w6" --set "trades.path=$d/trades.jsonl" --set "price_changes.path=$o/w6.jsonl"
"$hand_w6" "$d/trades.jsonl" "$o/hand_w6.jsonl"

# Strings that need escaping, fields in another order, negative and short
# decimals, a blank line and no newline at the end: W1 only.
cat >"$d/crafted.jsonl" <<'END'
{"trade_id":1,"user_id":"u1","symbol":"A\"B\\C","quantity":1000,"price":2000.5,"side":"BUY"}
{"trade_id":2,"symbol":"tab\there\nnl\u0001\u001f\b\f\r","quantity":1000,"price":300,"user_id":"u2"}
{"price":-200.05,"quantity":-1000,"symbol":"héllo ✓ 😀","trade_id":-3,"user_id":"u3"}

{"trade_id":4,"user_id":"u4","symbol":"\/slash","quantity":2147483647,"price":0.01}
END
printf '{"trade_id":5,"user_id":"u5","symbol":"end","quantity":999,"price":1000000.99}' >>"$d/crafted.jsonl"
"$dir/w1" --set "trades.path=$d/crafted.jsonl" --set "big_trades.path=$o/crafted.jsonl"
"$hand_w1" "$d/crafted.jsonl" "$o/hand_crafted.jsonl"

for w in w1 w2 w3 w4 w5 w6 crafted; do
  # An empty output would match trivially: each workload writes records here.
  [ -s "$o/$w.jsonl" ] || { echo "streamc's $w wrote nothing"; exit 1; }
  cmp "$o/$w.jsonl" "$o/hand_$w.jsonl" || { echo "hand_$w differs from streamc's $w"; exit 1; }
  echo "$w: $(wc -l <"$o/$w.jsonl") records, identical"
done
