// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Histogram.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace kms {

class Metrics;

// Writes the Prometheus text exposition format (version 0.0.4): each family's HELP and TYPE once,
// its samples together, label values escaped, histograms as cumulative buckets with +Inf, _sum and
// _count. Families appear in the order first used.
class PrometheusWriter
{
public:
    using Labels = QList<QPair<QString, QString>>;

    void counter(const QString &name, const QString &help, double value, const Labels &labels = {});
    void gauge(const QString &name, const QString &help, double value, const Labels &labels = {});
    // A latency histogram in seconds, from our microsecond histogram, over fixed bucket bounds.
    void histogram(const QString &name, const QString &help, const Histogram::Snapshot &snapshot,
                   const Labels &labels = {});

    QByteArray text() const;

    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

private:
    struct Family {
        QString name, type, help;
        QList<QByteArray> lines;
    };
    Family &family(const QString &name, const char *type, const QString &help);
    QList<Family> m_families;
};

// The engine's own counters and the per-stage latency histograms, under kms_*.
void writeMetrics(PrometheusWriter &out, const Metrics &metrics);

} // namespace kms
