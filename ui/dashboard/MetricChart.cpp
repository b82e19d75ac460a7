// SPDX-License-Identifier: MIT
// The only file that uses Qt Charts.
#include "dashboard/MetricChart.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <optional>

namespace kms::ui {

namespace {

// 1, 2 or 5 times a power of ten, at least raw: axis steps a reader can add up, with labels that
// need no more decimals than the step has.
double niceStep(double raw)
{
    if (!(raw > 0) || !std::isfinite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

QString labelFormat(double step)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 4);
    return QStringLiteral("%.%1f").arg(decimals);
}

QColor markerColor(ChartMarker::Kind kind)
{
    switch (kind) {
    case ChartMarker::Kind::JobStart: return QColor(0x2e, 0x7d, 0x32);
    case ChartMarker::Kind::JobEnd: return QColor(0x45, 0x5a, 0x64);
    case ChartMarker::Kind::JobFailed: return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

} // namespace

struct MetricChart::Impl {
    QList<ChartSeriesSpec> specs;
    QList<QList<MetricBucket>> buckets;
    QList<std::optional<double>> latest; // newest sample, scaled (a bucket's mean lags in long windows)
    QList<QLineSeries *> lines;
    QList<ChartMarker> markers;
    QList<QLineSeries *> markerLines;
    QChart *chart = nullptr;
    QChartView *view = nullptr;
    QDateTimeAxis *x = nullptr;
    QValueAxis *y = nullptr;
    qint64 spanMs = 5 * 60'000;
    qint64 bucketMs = 1000;
    qint64 endMs = 0;
    double atLeast = 1.0;
    bool fixed = false;
    double yMax = 0;
    qint64 drawnAtMs = 0;    // the lines show the window ending here
    qint64 pendingEndMs = 0; // the newest sample taken
    bool dirty = false;      // samples taken since the lines were drawn
    std::function<QString(const QList<double> &)> format;

    // A bucket's points; a gap longer than two steps (idle seconds are persisted once a minute,
    // or the application was closed) holds the previous value instead of drawing a ramp.
    QList<QPointF> points(int i) const
    {
        const qint64 step = std::max<qint64>(bucketMs, 1000);
        const double scale = specs[i].scale;
        QList<QPointF> out;
        out.reserve(buckets[i].size() + 8);
        const MetricBucket *previous = nullptr;
        for (const MetricBucket &b : buckets[i]) {
            if (previous && b.startMs - previous->startMs > 2 * step)
                out.append(QPointF(double(b.startMs - step), previous->mean * scale));
            out.append(QPointF(double(b.startMs), b.mean * scale));
            previous = &b;
        }
        return out;
    }
};

MetricChart::MetricChart(const QString &title, QList<ChartSeriesSpec> series, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Impl>())
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(this))
{
    d->specs = std::move(series);
    d->buckets.resize(d->specs.size());
    d->latest.resize(d->specs.size());

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    d->chart = new QChart;
    d->chart->setMargins(QMargins(2, 2, 2, 2));
    d->chart->layout()->setContentsMargins(0, 0, 0, 0);
    d->chart->setBackgroundRoundness(0);
    d->chart->setAnimationOptions(QChart::NoAnimation);

    d->x = new QDateTimeAxis;
    d->x->setTickCount(6);
    d->x->setLabelsFont(small);
    d->y = new QValueAxis;
    d->y->setTickInterval(0.2);
    d->y->setTickAnchor(0);
    d->y->setTickType(QValueAxis::TicksDynamic);
    d->y->setLabelsFont(small);
    d->chart->addAxis(d->x, Qt::AlignBottom);
    d->chart->addAxis(d->y, Qt::AlignLeft);

    int inLegend = 0;
    for (const ChartSeriesSpec &spec : std::as_const(d->specs)) {
        auto *line = new QLineSeries;
        line->setName(spec.label);
        QPen pen(spec.color, 1.6);
        if (spec.dashed)
            pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        d->chart->addSeries(line);
        line->attachAxis(d->x);
        line->attachAxis(d->y);
        d->lines.append(line);
        if (spec.label.isEmpty()) {
            for (QLegendMarker *marker : d->chart->legend()->markers(line))
                marker->setVisible(false);
        } else {
            ++inLegend;
        }
    }
    d->chart->legend()->setVisible(inLegend > 1);
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->legend()->setFont(small);
    d->chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setFrameShape(QFrame::NoFrame);
    d->view->setMinimumHeight(150);
    d->view->setAccessibleName(title);

    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_value->setObjectName(QStringLiteral("chartValue"));
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Room for a long value up front, so a changing value never waits for a relayout.
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QStringLiteral("888,888,888 rec/s")));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 0, 6, 0);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_value);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(d->view, 1);

    setWindow(d->spanMs, d->bucketMs, QDateTime::currentMSecsSinceEpoch());
}

MetricChart::~MetricChart() = default;

QStringList MetricChart::metricNames() const
{
    QStringList names;
    for (const ChartSeriesSpec &spec : d->specs)
        names << spec.metric;
    return names;
}

void MetricChart::setValueFormat(std::function<QString(const QList<double> &)> format)
{
    d->format = std::move(format);
    updateValueLabel();
}

void MetricChart::setYRange(double atLeast, bool fixed)
{
    d->atLeast = atLeast;
    d->fixed = fixed;
    rescale();
}

void MetricChart::setWindow(qint64 spanMs, qint64 bucketMs, qint64 nowMs)
{
    d->spanMs = std::max<qint64>(spanMs, 1000);
    d->bucketMs = std::max<qint64>(bucketMs, 1);
    d->endMs = 0;
    for (auto &b : d->buckets)
        b.clear();
    for (auto &v : d->latest)
        v.reset();
    d->x->setFormat(d->spanMs <= 15 * 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    d->pendingEndMs = nowMs;
    drawAll(nowMs);
    updateValueLabel();
}

void MetricChart::setHistory(const QHash<QString, QList<MetricBucket>> &series, qint64 nowMs)
{
    for (int i = 0; i < d->specs.size(); ++i) {
        d->buckets[i] = series.value(d->specs[i].metric);
        d->latest[i].reset();
        if (!d->buckets[i].isEmpty())
            d->latest[i] = d->buckets[i].last().mean * d->specs[i].scale;
    }
    d->pendingEndMs = std::max(d->pendingEndMs, nowMs);
    drawAll(d->pendingEndMs);
    updateValueLabel();
}

void MetricChart::addSample(qint64 timestampMs, const QHash<QString, double> &values)
{
    for (int i = 0; i < d->specs.size(); ++i) {
        const auto it = values.constFind(d->specs[i].metric);
        if (it != values.constEnd() && kms::addSample(d->buckets[i], timestampMs, *it, d->bucketMs))
            d->latest[i] = *it * d->specs[i].scale;
    }
    updateValueLabel();
    // A day's chart moves a fraction of a pixel a second, and redrawing ten lines of 720 points
    // costs milliseconds of the GUI thread: long windows redraw every few seconds, a hidden chart
    // when it is shown again.
    d->pendingEndMs = std::max(d->pendingEndMs, timestampMs);
    const qint64 interval = std::max<qint64>(1000, d->bucketMs / 12);
    if (!isVisible() || timestampMs - d->drawnAtMs < interval - 500) {
        d->dirty = true;
        return;
    }
    drawAll(timestampMs);
}

void MetricChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (d->dirty)
        drawAll(d->pendingEndMs);
}

void MetricChart::drawAll(qint64 nowMs)
{
    slideTo(nowMs);
    for (int i = 0; i < d->lines.size(); ++i)
        redraw(i);
    rescale();
    d->drawnAtMs = nowMs;
    d->dirty = false;
}

void MetricChart::setMarkers(const QList<ChartMarker> &markers)
{
    for (QLineSeries *line : std::as_const(d->markerLines)) {
        d->chart->removeSeries(line);
        delete line;
    }
    d->markerLines.clear();
    d->markers = markers;
    for (const ChartMarker &m : markers) {
        auto *line = new QLineSeries;
        QPen pen(markerColor(m.kind), 1.2, Qt::DashLine);
        line->setPen(pen);
        d->chart->addSeries(line);
        line->attachAxis(d->x);
        line->attachAxis(d->y);
        for (QLegendMarker *marker : d->chart->legend()->markers(line))
            marker->setVisible(false);
        const QString label = m.label;
        connect(line, &QLineSeries::hovered, this, [label](const QPointF &, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), label);
        });
        d->markerLines.append(line);
    }
    rescale(); // sets the lines' height
}

int MetricChart::pointCount(const QString &metric) const
{
    const int i = metricNames().indexOf(metric);
    return i < 0 ? 0 : int(d->buckets[i].size());
}

int MetricChart::markerCount() const
{
    return int(d->markerLines.size());
}

double MetricChart::latestValue(const QString &metric) const
{
    const int i = metricNames().indexOf(metric);
    return i < 0 ? 0.0 : d->latest[i].value_or(0.0);
}

QList<QPointF> MetricChart::points(const QString &metric) const
{
    const int i = metricNames().indexOf(metric);
    return i < 0 ? QList<QPointF>() : d->lines[i]->points();
}

QString MetricChart::valueText() const
{
    return m_value->text();
}

qint64 MetricChart::windowEndMs() const
{
    return d->endMs;
}

void MetricChart::redraw(int i)
{
    d->lines[i]->replace(d->points(i));
}

void MetricChart::slideTo(qint64 nowMs)
{
    if (nowMs <= d->endMs)
        return;
    d->endMs = nowMs;
    const qint64 from = nowMs - d->spanMs;
    // One bucket before the window stays, so a line enters from the left edge.
    for (auto &series : d->buckets) {
        qsizetype drop = 0;
        while (drop + 1 < series.size() && series[drop + 1].startMs <= from)
            ++drop;
        if (drop > 0)
            series.remove(0, drop);
    }
    d->x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(nowMs));
}

void MetricChart::rescale()
{
    double top = d->atLeast;
    if (!d->fixed) {
        const qint64 from = d->endMs - d->spanMs;
        for (int i = 0; i < d->specs.size(); ++i)
            for (const MetricBucket &b : std::as_const(d->buckets[i]))
                if (b.startMs >= from - d->bucketMs)
                    top = std::max(top, b.mean * d->specs[i].scale * 1.05);
    }
    const double step = niceStep(top / 5.0);
    const double yMax = std::ceil(top / step - 1e-9) * step;
    if (yMax != d->yMax) {
        // The wider of the two steps goes first: a small step over a large range would lay out
        // thousands of ticks in between (grey plot, labels shown as "...").
        const bool growing = yMax > d->yMax;
        d->yMax = yMax;
        d->y->setLabelFormat(labelFormat(step));
        if (growing) {
            d->y->setTickInterval(step);
            d->y->setRange(0, yMax);
        } else {
            d->y->setRange(0, yMax);
            d->y->setTickInterval(step);
        }
        // Wider labels need a wider axis now, not at the next resize (else they show as "...").
        d->chart->layout()->invalidate();
    }
    for (int i = 0; i < d->markerLines.size(); ++i) {
        const double t = double(d->markers[i].timestampMs);
        d->markerLines[i]->replace(QList<QPointF>{QPointF(t, 0), QPointF(t, d->yMax)});
    }
}

void MetricChart::updateValueLabel()
{
    if (!d->format || d->specs.isEmpty()) {
        m_value->clear();
        return;
    }
    if (!d->latest.first()) {
        m_value->setText(QStringLiteral("—"));
        return;
    }
    QList<double> latest;
    for (const auto &v : std::as_const(d->latest))
        latest.append(v.value_or(0.0));
    m_value->setText(d->format(latest));
}

} // namespace kms::ui
