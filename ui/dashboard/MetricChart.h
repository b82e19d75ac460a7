// SPDX-License-Identifier: MIT
#pragma once

#include "model/MetricBucket.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;

namespace kms::ui {

// One line of a chart: a persisted metric (metricName / stageMetricName) drawn in a colour.
struct ChartSeriesSpec {
    QString metric;
    QString label;        // legend entry; empty keeps the line out of the legend
    QColor color;
    double scale = 1.0;   // drawn value = stored value * scale (fractions as percent)
    bool dashed = false;
};

// A vertical line on a chart: where a job started or ended.
struct ChartMarker {
    enum class Kind { JobStart, JobEnd, JobFailed };
    qint64 timestampMs = 0;
    Kind kind = Kind::JobStart;
    QString label;        // tooltip
};

// A time chart of a few metrics over a sliding window. All Qt Charts code of the application lives
// behind this class (Qt Charts is deprecated from Qt 6.10: replacing it means replacing this file).
// Points are buckets of the window's width (MetricBucket), so a day stays a few hundred points;
// live samples fall into the newest bucket or open the next one.
class MetricChart : public QWidget
{
    Q_OBJECT
public:
    MetricChart(const QString &title, QList<ChartSeriesSpec> series, QWidget *parent = nullptr);
    ~MetricChart() override;

    QStringList metricNames() const;
    // The text beside the title, made from the newest value of each series (scaled; 0 for a series
    // without points). "—" while the first series has none.
    void setValueFormat(std::function<QString(const QList<double> &latest)> format);
    // The y axis reaches at least this high (a quiet chart does not magnify noise); fixed when
    // fixed is true (percentages).
    void setYRange(double atLeast, bool fixed = false);

    // A new window: clears the points. bucketMs is the width of one point.
    void setWindow(qint64 spanMs, qint64 bucketMs, qint64 nowMs);
    // Replaces the points with loaded history (keys are metric names; missing ones become empty).
    void setHistory(const QHash<QString, QList<MetricBucket>> &series, qint64 nowMs);
    // A live second: values by metric name; slides the window to end at timestampMs.
    void addSample(qint64 timestampMs, const QHash<QString, double> &values);
    void setMarkers(const QList<ChartMarker> &markers);

    // What is drawn, for the value line and tests.
    int pointCount(const QString &metric) const;
    int markerCount() const;
    double latestValue(const QString &metric) const; // scaled; 0 when there is none
    QList<QPointF> points(const QString &metric) const; // as drawn: (ms since epoch, scaled value)
    QString valueText() const;
    qint64 windowEndMs() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Impl;
    void drawAll(qint64 nowMs);
    void redraw(int seriesIndex);
    void rescale();
    void slideTo(qint64 nowMs);
    void updateValueLabel();

    std::unique_ptr<Impl> d;
    QLabel *m_title;
    QLabel *m_value;
};

} // namespace kms::ui
