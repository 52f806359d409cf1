#!/bin/sh
# Reproduces the table of docs/BENCHMARKS.md in one go and prints every ratio with the load at the time.
# Budget: about 12.5 minutes on 2 quiet cores, 14 with PG_URL (the 100k table reused). Needs benchmarks/target/benchmarks.jar:
#   mvn -B -q package -pl benchmarks -am -DskipTests
# Options (environment):
#   PG_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres   also run the PostgreSQL measurements: bulk import
#            (JdbcImportQuery) and PgScale on 100k hidden dangers (load by chain length, overdue first page, one load,
#            closed loop, 16 threads); the 100k table is kept in schema dp_bench_100k and reused (about 1 minute to
#            fill the first time)
#   PG_ONLY=1  with PG_URL: only the PostgreSQL measurements (skips JMH, footprint and analytics)
#   PG_1M=1  with PG_URL: also PgScale on 1M hidden dangers (schema dp_bench_1m, reused; filling it the first time
#            takes about 7 minutes on a loaded machine, so the first run goes past 15 minutes) and the partitioning
#            check in a scratch schema
#   PG_10M=1  with PG_URL: also PgScale on 10M hidden dangers (schema dp_bench_10m, reused; filling it the first time
#            takes about 15 minutes on 2 quiet cores, 54 minutes loaded, and 34 GB of disk)
#   QUICK=1   smoke settings (1 fork, 1 warm-up, 2 iterations of 1 s): proves everything runs, ratios rough
# Output: a directory benchmarks/target/run-all-<UTC time> with every raw result, and the ratio table on stdout.
set -eu
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q package -pl benchmarks -am -DskipTests first" >&2; exit 1; }
OUT=benchmarks/target/run-all-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
if [ "${QUICK:-0}" = 1 ]; then
  JMH="-f 1 -wi 1 -i 2 -w 1s -r 1s"
  SIZE=20000
else
  # several forks, warmed up; each measured iteration is 1 s (the operations are ns..ms)
  JMH="-f 2 -wi 4 -i 4 -w 1s -r 1s"
  SIZE=100000
fi
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
echo "run-all: $(date -u) on $(nproc) cores; JMH $JMH; load at start $(load)" | tee "$OUT/summary.txt"

jmh() { # name, regex, extra args
  name=$1; shift; regex=$1; shift
  echo "== $name: $JMH (load $(load))" | tee -a "$OUT/summary.txt"
  java -jar "$JAR" "$regex" $JMH -prof gc -rf json -rff "$OUT/$name.json" "$@" > "$OUT/$name.txt" 2>&1 \
    || { echo "   FAILED, see $OUT/$name.txt" | tee -a "$OUT/summary.txt"; return 0; }
  # the median of every measured iteration of every fork (JmhMedians says why not JMH's mean)
  java -cp "$JAR" org.dualprevention.benchmarks.JmhMedians "$OUT/$name.json" > "$OUT/$name.medians" 2>&1 || true
  echo "   done (load $(load))" | tee -a "$OUT/summary.txt"
}

if [ "${PG_ONLY:-0}" != 1 ]; then
jmh lec 'LecBenchmark'
jmh assess 'AssessBenchmark'
if [ "${QUICK:-0}" = 1 ]; then
  jmh closedloop 'ClosedLoopStoreBenchmark'
  jmh query 'DangerQueryBenchmark' -p dangers=$SIZE
else
  # the closed loop and the queries warmed longer: with 4 warm-ups of 1 s their compiled code is not settled yet (the
  # store's open-by-unit page ran 92-226 us in the measured iterations; with 3 warm-ups of 2 s the first measured
  # iteration of each fork was still slow for the store's two queries; sixth session, docs/BENCHMARKS.md)
  JMH_ALL=$JMH; JMH="-f 2 -wi 8 -i 5 -w 2s -r 1s"
  jmh closedloop 'ClosedLoopStoreBenchmark.(facade|handWritten|handWrittenDurable|applyIntoMap)$'
  JMH="-f 1 -wi 6 -i 6 -w 2s -r 1s"
  jmh query 'DangerQueryBenchmark.(open|overdue)(Store|Index|IndexSorted)$|DangerQueryBenchmark.openLoop$' -p dangers=$SIZE
  JMH=$JMH_ALL
fi
# the register's JSON with iterations of 5 s: with 1-s iterations the plain-Jackson floor (80 MB per call) is measured
# before it is warmed up and between its own collections, and swings 3x (docs/BENCHMARKS.md, fifth session)
# the imports warmed for 30 s: the library's import settles only after 25-30 s (84, 92, 163, 87, 75, 68 ms in six
# warm-ups of 5 s, then 67-69 ms), the plain-Jackson floor after 10 s (sixth session)
if [ "${QUICK:-0}" = 1 ]; then
  jmh json 'RegisterJsonBenchmark.import' -p riskPoints=2000
  jmh jsonexport 'RegisterJsonBenchmark.export' -p riskPoints=2000
else
  JMH_ALL=$JMH; JMH="-f 1 -wi 6 -i 3 -w 5s -r 5s"
  jmh json 'RegisterJsonBenchmark.import' -p riskPoints=2000
  JMH="-f 1 -wi 2 -i 3 -w 5s -r 5s"
  jmh jsonexport 'RegisterJsonBenchmark.export' -p riskPoints=2000
  JMH=$JMH_ALL
fi

echo "== footprint (load $(load))" | tee -a "$OUT/summary.txt"
java -Xmx4g -Xms4g -cp "$JAR" org.dualprevention.benchmarks.StoreFootprint $SIZE > "$OUT/footprint.txt" 2>&1 || true
echo "== analytics (load $(load))" | tee -a "$OUT/summary.txt"
java -Xmx6g -Xms6g -cp "$JAR" org.dualprevention.benchmarks.AnalyticsScale 20000 5 $SIZE > "$OUT/analytics.txt" 2>&1 || true
fi
if [ -n "${PG_URL:-}" ]; then
  echo "== jdbc (load $(load))" | tee -a "$OUT/summary.txt"
  java -Xmx2g -cp "$JAR" org.dualprevention.benchmarks.JdbcImportQuery "$PG_URL" 20000 3 > "$OUT/jdbc.txt" 2>&1 || true
  echo "== postgresql 100k (load $(load))" | tee -a "$OUT/summary.txt"
  java -Xmx2g -cp "$JAR" org.dualprevention.benchmarks.PgScale "$PG_URL" 100000 > "$OUT/pg100k.txt" 2>&1 \
    || echo "   FAILED, see $OUT/pg100k.txt" | tee -a "$OUT/summary.txt"
  if [ "${PG_1M:-0}" = 1 ]; then
    echo "== postgresql 1M (load $(load))" | tee -a "$OUT/summary.txt"
    java -Xmx3g -cp "$JAR" org.dualprevention.benchmarks.PgScale "$PG_URL" 1000000 overdue,load,closedloop,concurrent \
      > "$OUT/pg1m.txt" 2>&1 || echo "   FAILED, see $OUT/pg1m.txt" | tee -a "$OUT/summary.txt"
    java -Xmx1g -cp "$JAR" org.dualprevention.benchmarks.PgScale "$PG_URL" 0 partition > "$OUT/partition.txt" 2>&1 \
      || echo "   FAILED, see $OUT/partition.txt" | tee -a "$OUT/summary.txt"
  fi
  if [ "${PG_10M:-0}" = 1 ]; then
    echo "== postgresql 10M (load $(load))" | tee -a "$OUT/summary.txt"
    java -Xmx4g -cp "$JAR" org.dualprevention.benchmarks.PgScale "$PG_URL" 10000000 overdue,load,closedloop,concurrent \
      > "$OUT/pg10m.txt" 2>&1 || echo "   FAILED, see $OUT/pg10m.txt" | tee -a "$OUT/summary.txt"
  fi
fi

# ratios from the medians (JmhMedians: name,mode,unit,median,mean,min,max,iterations,median bytes per operation)
score() { # file, benchmark (e.g. LecBenchmark.spi), field (4 = median time or rate, 9 = median bytes per operation)
  [ -f "$1" ] || { echo NaN; return; }
  awk -F, -v b="$2" -v f="$3" '$1 == b { print $f; found = 1; exit } END { if (!found) print "NaN" }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NaN" || b == "NaN" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
row() { # label, file, baseline, library, mode (time|thrpt)
  f="$OUT/$2.medians"
  bt=$(score "$f" "$3" 4); lt=$(score "$f" "$4" 4)
  ba=$(score "$f" "$3" 9); la=$(score "$f" "$4" 9)
  if [ "$5" = thrpt ]; then r=$(ratio "$lt" "$bt"); else r=$(ratio "$bt" "$lt"); fi
  printf '| %s | %s | %s | %s | %s B / %s B (%s x) |\n' "$1" "$bt" "$lt" "$r" "$la" "$ba" "$(ratio "$la" "$ba")" \
    | tee -a "$OUT/summary.txt"
}
if [ "${PG_ONLY:-0}" != 1 ]; then
echo | tee -a "$OUT/summary.txt"
echo "| what | baseline (median) | library (median) | ratio (baseline time / library time) | allocation library / baseline |" | tee -a "$OUT/summary.txt"
echo "|---|---|---|---|---|" | tee -a "$OUT/summary.txt"
row "LEC evaluate + grade (ns)" lec LecBenchmark.handWritten LecBenchmark.spi time
row "LEC whole Assessor vs hand-written (ns)" lec LecBenchmark.handWritten LecBenchmark.assessor time
row "assess on the in-memory store (ns; target <= 500 ns)" assess AssessBenchmark.plainMaps AssessBenchmark.library time
row "assess vs plain maps with the effective-level work by hand (ns)" assess AssessBenchmark.plainMapsWithLevels AssessBenchmark.library time
row "closed loop, facade vs the hand-written loop (loops/s; target >= 0.6)" closedloop ClosedLoopStoreBenchmark.handWritten ClosedLoopStoreBenchmark.facade thrpt
row "closed loop, facade vs the hand-written loop with command records and outbox (loops/s)" closedloop ClosedLoopStoreBenchmark.handWrittenDurable ClosedLoopStoreBenchmark.facade thrpt
row "closed loop, facade vs transitions into a map (loops/s)" closedloop ClosedLoopStoreBenchmark.applyIntoMap ClosedLoopStoreBenchmark.facade thrpt
row "open by unit vs HashMap index (us)" query DangerQueryBenchmark.openIndex DangerQueryBenchmark.openStore time
row "overdue by unit vs HashMap index (us)" query DangerQueryBenchmark.overdueIndex DangerQueryBenchmark.overdueStore time
row "open by unit vs HashMap index sorted by id (us)" query DangerQueryBenchmark.openIndexSorted DangerQueryBenchmark.openStore time
row "overdue by unit vs HashMap index sorted by id (us)" query DangerQueryBenchmark.overdueIndexSorted DangerQueryBenchmark.overdueStore time
row "open by unit vs scan of all (us)" query DangerQueryBenchmark.openLoop DangerQueryBenchmark.openStore time
row "register import vs plain Jackson (ms)" json RegisterJsonBenchmark.importPlainJackson RegisterJsonBenchmark.importRegister time
row "register import vs plain Jackson with the same checks (ms)" json RegisterJsonBenchmark.importPlainJacksonChecked RegisterJsonBenchmark.importRegister time
row "register export vs plain Jackson (ms)" jsonexport RegisterJsonBenchmark.exportPlainJackson RegisterJsonBenchmark.exportRegister time
echo | tee -a "$OUT/summary.txt"
echo "footprint (bytes per hidden danger):" | tee -a "$OUT/summary.txt"
grep -E "bytes|InMemory|Plain|plain" "$OUT/footprint.txt" | tee -a "$OUT/summary.txt" || true
echo "analytics (statistics and risk map; ratio = object loop / library):" | tee -a "$OUT/summary.txt"
grep -E "^[0-9]+ \||hidden dangers \|" "$OUT/analytics.txt" | tee -a "$OUT/summary.txt" || true
fi
[ -f "$OUT/jdbc.txt" ] && tee -a "$OUT/summary.txt" < "$OUT/jdbc.txt"
for f in pg100k pg1m pg10m; do
  [ -f "$OUT/$f.txt" ] && { echo "PostgreSQL ($f; PgScale rows: what | library | ratio to its baseline):"; grep '^|' "$OUT/$f.txt"; } \
    | tee -a "$OUT/summary.txt"
done
[ -f "$OUT/partition.txt" ] && grep -E "^library on|^refused|Index|Scan on" "$OUT/partition.txt" | tee -a "$OUT/summary.txt"
echo "load at the end $(load); results in $OUT" | tee -a "$OUT/summary.txt"
