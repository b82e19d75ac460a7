// SPDX-License-Identifier: MIT
#include "metrics/PrometheusText.h"

#include "metrics/Metrics.h"

#include <QLocale>

#include <cmath>

namespace kms {

namespace {

QString escapeLabel(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('"'), QLatin1String("\\\""));
    v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return v;
}

QString escapeHelp(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return v;
}

QString labelText(const PrometheusWriter::Labels &labels, const QString &extraName = {}, const QString &extraValue = {})
{
    QStringList parts;
    for (const auto &[k, v] : labels)
        parts << QStringLiteral("%1=\"%2\"").arg(k, escapeLabel(v));
    if (!extraName.isEmpty())
        parts << QStringLiteral("%1=\"%2\"").arg(extraName, escapeLabel(extraValue));
    return parts.isEmpty() ? QString() : QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// Seconds: from half a millisecond (an HNSW search) to ten seconds (a slow batch).
constexpr double kBounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

} // namespace

PrometheusWriter::Family &PrometheusWriter::family(const QString &name, const char *type, const QString &help)
{
    for (Family &f : m_families) {
        if (f.name == name)
            return f;
    }
    m_families.append(Family{name, QString::fromLatin1(type), help, {}});
    return m_families.last();
}

void PrometheusWriter::counter(const QString &name, const QString &help, double value, const Labels &labels)
{
    family(name, "counter", help).lines.append((name + labelText(labels) + QLatin1Char(' ') + number(value)).toUtf8());
}

void PrometheusWriter::gauge(const QString &name, const QString &help, double value, const Labels &labels)
{
    family(name, "gauge", help).lines.append((name + labelText(labels) + QLatin1Char(' ') + number(value)).toUtf8());
}

void PrometheusWriter::histogram(const QString &name, const QString &help, const Histogram::Snapshot &s,
                                 const Labels &labels)
{
    Family &f = family(name, "histogram", help);
    // Each of our buckets counts under the first bound at or above its upper edge, so a bucket's
    // count never includes a value above its bound.
    constexpr int kCount = int(sizeof(kBounds) / sizeof(kBounds[0]));
    std::array<quint64, kCount> cumulative{};
    for (int b = 0; b < Histogram::kBuckets; ++b) {
        if (s.counts[size_t(b)] == 0)
            continue;
        const double upper = double(Histogram::bucketUpperBound(b)) / 1e6;
        for (int i = 0; i < kCount; ++i) {
            if (upper <= kBounds[i])
                cumulative[size_t(i)] += s.counts[size_t(b)];
        }
    }
    for (int i = 0; i < kCount; ++i)
        f.lines.append((name + QStringLiteral("_bucket") + labelText(labels, QStringLiteral("le"), number(kBounds[i]))
                        + QLatin1Char(' ') + QString::number(cumulative[size_t(i)])).toUtf8());
    f.lines.append((name + QStringLiteral("_bucket") + labelText(labels, QStringLiteral("le"), QStringLiteral("+Inf"))
                    + QLatin1Char(' ') + QString::number(s.total)).toUtf8());
    f.lines.append((name + QStringLiteral("_sum") + labelText(labels) + QLatin1Char(' ') + number(double(s.sumMicros) / 1e6)).toUtf8());
    f.lines.append((name + QStringLiteral("_count") + labelText(labels) + QLatin1Char(' ') + QString::number(s.total)).toUtf8());
}

QByteArray PrometheusWriter::text() const
{
    QByteArray out;
    for (const Family &f : m_families) {
        out += "# HELP " + f.name.toUtf8() + ' ' + escapeHelp(f.help).toUtf8() + '\n';
        out += "# TYPE " + f.name.toUtf8() + ' ' + f.type.toUtf8() + '\n';
        for (const QByteArray &line : f.lines)
            out += line + '\n';
    }
    return out;
}

void writeMetrics(PrometheusWriter &out, const Metrics &m)
{
    out.counter(QStringLiteral("kms_records_read_total"), QStringLiteral("Records read from ingestion sources."),
                double(m.totalRead()));
    out.counter(QStringLiteral("kms_records_committed_total"), QStringLiteral("Records committed to the store."),
                double(m.totalCommitted()));
    out.counter(QStringLiteral("kms_records_rejected_total"), QStringLiteral("Records rejected by validation."),
                double(m.totalRejected()));
    const MetricsPoint p = m.latest();
    out.gauge(QStringLiteral("kms_ingest_records_per_second"), QStringLiteral("Committed records per second over the last 10 s."),
              p.recordsPerSecond10);
    out.gauge(QStringLiteral("kms_embedding_cache_hit_ratio"), QStringLiteral("Embedding cache hits over lookups since start."),
              m.cumulativeCacheHitRate());
    out.gauge(QStringLiteral("kms_queue_depth"), QStringLiteral("Batches waiting between ingestion stages."), p.queueDepth);
    out.gauge(QStringLiteral("kms_workers_busy"), QStringLiteral("Ingestion workers busy."), p.busyWorkers);
    out.gauge(QStringLiteral("kms_process_resident_memory_bytes"), QStringLiteral("Resident memory of the process."), p.rssBytes);
    out.gauge(QStringLiteral("kms_data_directory_bytes"), QStringLiteral("Bytes used by the data directory."), p.dataDirBytes);
    for (int s = 0; s < int(Stage::Count); ++s) {
        const Stage stage = Stage(s);
        out.counter(QStringLiteral("kms_stage_records_total"), QStringLiteral("Records handled by each ingestion stage."),
                    double(m.stageRecords(stage)), {{QStringLiteral("stage"), stageName(stage)}});
    }
    for (int s = 0; s < int(Stage::Count); ++s) {
        const Stage stage = Stage(s);
        out.histogram(QStringLiteral("kms_stage_batch_seconds"), QStringLiteral("Time each ingestion stage spent on one batch."),
                      m.stageHistogram(stage), {{QStringLiteral("stage"), stageName(stage)}});
    }
}

} // namespace kms
