// SPDX-License-Identifier: MIT
// The dashboard's charts: which metrics each one draws, in which colours and units.
#include "dashboard/DashboardPage.h"

#include "metrics/Metrics.h"
#include "widgets/Format.h"

#include <QGridLayout>
#include <QLocale>

#include <algorithm>

namespace kms::ui {

namespace {

QString stageLabel(Stage s)
{
    switch (s) {
    case Stage::Read: return DashboardPage::tr("Read");
    case Stage::Normalise: return DashboardPage::tr("Normalise");
    case Stage::Embed: return DashboardPage::tr("Embed");
    case Stage::Write: return DashboardPage::tr("Write");
    case Stage::Index: return DashboardPage::tr("Index");
    case Stage::Count: break;
    }
    return {};
}

QColor stageColor(Stage s)
{
    static const QColor colors[] = {QColor(0x1e, 0x6f, 0xb8), QColor(0x8e, 0x5c, 0xc2), QColor(0xe0, 0x7b, 0x12),
                                    QColor(0x2f, 0x9e, 0x44), QColor(0xc9, 0x37, 0x3a)};
    return colors[int(s) % 5];
}

const QColor kBlue(0x1e, 0x6f, 0xb8);
const QColor kNavy(0x0d, 0x3b, 0x66);
const QColor kGreen(0x2f, 0x9e, 0x44);
const QColor kRed(0xc9, 0x37, 0x3a);
const QColor kOrange(0xe0, 0x7b, 0x12);
const QColor kPurple(0x8e, 0x5c, 0xc2);

} // namespace

void DashboardPage::buildCharts()
{
    auto add = [this](const char *objectName, const QString &title, QList<ChartSeriesSpec> specs) {
        auto *chart = new MetricChart(title, std::move(specs), this);
        chart->setObjectName(QLatin1String(objectName));
        m_charts.append(chart);
        return chart;
    };

    m_throughput = add("throughputChart", tr("Ingestion throughput (records/s)"),
                       {{metricName(MetricId::IngestRate), tr("Per second"), kBlue},
                        {metricName(MetricId::IngestRate10), tr("10 s average"), kNavy, 1.0, true}});
    m_throughput->setYRange(10);
    m_throughput->setValueFormat([](const QList<double> &v) { return format::rate(v.value(0)); });

    QList<ChartSeriesSpec> stages;
    for (int s = 0; s < int(Stage::Count); ++s) {
        stages.append({stageMetricName(Stage(s), false), stageLabel(Stage(s)), stageColor(Stage(s))});
        stages.append({stageMetricName(Stage(s), true), QString(), stageColor(Stage(s)), 1.0, true});
    }
    auto *latency = add("latencyChart", tr("Stage latency (ms), p50 solid, p95 dashed"), stages);
    latency->setYRange(1);
    latency->setValueFormat([](const QList<double> &v) {
        // The slowest stage's p95: where a batch waits.
        double worst = 0;
        for (int i = 1; i < v.size(); i += 2)
            worst = std::max(worst, v[i]);
        return worst > 0 ? tr("max p95 %1").arg(format::milliseconds(worst)) : tr("no batches");
    });

    auto *cache = add("cacheChart", tr("Embedding cache hit rate (%)"),
                      {{metricName(MetricId::CacheHitRate), tr("Hit rate"), kGreen, 100.0}});
    cache->setYRange(100, true);
    cache->setValueFormat([](const QList<double> &v) { return format::percent(v.value(0) / 100.0); });

    auto *errors = add("errorChart", tr("Error rate, rejected records (%)"),
                       {{metricName(MetricId::ErrorRate), tr("Rejected"), kRed, 100.0}});
    errors->setYRange(1);
    errors->setValueFormat([](const QList<double> &v) { return format::percent(v.value(0) / 100.0); });

    auto *queue = add("queueChart", tr("Queue depth and busy workers"),
                      {{metricName(MetricId::QueueDepth), tr("Queued batches"), kOrange},
                       {metricName(MetricId::BusyWorkers), tr("Busy workers"), kPurple}});
    queue->setYRange(4);
    queue->setValueFormat([](const QList<double> &v) {
        return tr("%1 queued, %2 busy").arg(QLocale().toString(qRound(v.value(0))),
                                             QLocale().toString(qRound(v.value(1))));
    });

    auto *cpu = add("cpuChart", tr("Process CPU (% of one core)"),
                    {{metricName(MetricId::ProcessCpu), tr("CPU"), kNavy}});
    cpu->setYRange(100);
    cpu->setValueFormat([](const QList<double> &v) {
        return tr("%1 %").arg(QLocale().toString(v.value(0), 'f', 0));
    });
}

} // namespace kms::ui
