// SPDX-License-Identifier: MIT
#include "searchpage/CompareView.h"

#include "searchpage/CompareModel.h"
#include "searchpage/HitTable.h"
#include "searchpage/SearchRunner.h"
#include "widgets/Format.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
QString sideTitle(const SearchQuery &q)
{
    switch (q.mode) {
    case SearchMode::Keyword: return CompareView::tr("keyword");
    case SearchMode::Vector: return CompareView::tr("vector");
    case SearchMode::Hybrid:
        return q.fusion == FusionMethod::Rrf ? CompareView::tr("hybrid RRF %1").arg(QLocale().toString(q.keywordWeight, 'f', 2))
                                             : CompareView::tr("hybrid weighted %1").arg(QLocale().toString(q.keywordWeight, 'f', 2));
    }
    return {};
}
} // namespace

CompareView::CompareView(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_runnerA(new SearchRunner(host, this))
    , m_runnerB(new SearchRunner(host, this))
    , m_modelA(new CompareModel(this))
    , m_modelB(new CompareModel(this))
    , m_tableA(new QTableView(this))
    , m_tableB(new QTableView(this))
    , m_run(new QPushButton(tr("Compare"), this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("compareView"));
    m_run->setObjectName(QStringLiteral("compareButton"));
    m_run->setToolTip(tr("Search the query both ways and compare the ranks"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setText(tr("Type a query, choose two ways to search it, then Compare."));

    auto *sides = new QHBoxLayout;
    for (int side = 0; side < 2; ++side) {
        QTableView *table = side == 0 ? m_tableA : m_tableB;
        CompareModel *model = side == 0 ? m_modelA : m_modelB;
        table->setObjectName(side == 0 ? QStringLiteral("compareTableA") : QStringLiteral("compareTableB"));
        table->setAccessibleName(side == 0 ? tr("List A") : tr("List B"));
        table->setModel(model);
        setupHitTable(table);
        auto *header = table->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(CompareModel::Title, QHeaderView::Stretch);
        addMoreLikeThisAction(table, CompareModel::HitIdRole, [this](qint64 id) { emit moreLikeThisRequested(id); });
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, side](const QModelIndex &current) { select(side, current); });
        auto *box = new QVBoxLayout;
        // Keyword against vector by default: the question operators ask most ("why is it not found?").
        box->addWidget(buildSide(side, side == 0 ? m_sideA : m_sideB, side == 0 ? SearchMode::Keyword : SearchMode::Vector));
        box->addWidget(table, 1);
        sides->addLayout(box, 1);
    }

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(sides, 1);

    connect(m_run, &QPushButton::clicked, this, &CompareView::runRequested);
    connect(m_runnerA, &SearchRunner::finished, this, [this](const SearchResult &r) {
        m_resultA = r;
        finish();
    });
    connect(m_runnerB, &SearchRunner::finished, this, [this](const SearchResult &r) {
        m_resultB = r;
        finish();
    });

    setTabOrder(m_run, m_sideA.mode);
    setTabOrder(m_sideA.mode, m_sideA.fusion);
    setTabOrder(m_sideA.fusion, m_sideA.keywordWeight);
    setTabOrder(m_sideA.keywordWeight, m_tableA);
    setTabOrder(m_tableA, m_sideB.mode);
    setTabOrder(m_sideB.mode, m_sideB.fusion);
    setTabOrder(m_sideB.fusion, m_sideB.keywordWeight);
    setTabOrder(m_sideB.keywordWeight, m_tableB);
}

QWidget *CompareView::buildSide(int index, Side &side, SearchMode mode)
{
    auto *w = new QWidget(this);
    const QString title = index == 0 ? tr("List A") : tr("List B");
    const QString prefix = index == 0 ? QStringLiteral("A") : QStringLiteral("B");
    side.mode = new QComboBox(w);
    side.mode->setObjectName(QStringLiteral("compareMode") + prefix);
    side.mode->setAccessibleName(tr("%1: search mode").arg(title));
    side.mode->addItem(tr("Hybrid"), int(SearchMode::Hybrid));
    side.mode->addItem(tr("Keyword"), int(SearchMode::Keyword));
    side.mode->addItem(tr("Vector"), int(SearchMode::Vector));
    side.mode->setCurrentIndex(side.mode->findData(int(mode)));
    side.fusion = new QComboBox(w);
    side.fusion->setObjectName(QStringLiteral("compareFusion") + prefix);
    side.fusion->setAccessibleName(tr("%1: fusion method").arg(title));
    side.fusion->addItem(tr("RRF"), int(FusionMethod::Rrf));
    side.fusion->addItem(tr("Weighted"), int(FusionMethod::Weighted));
    side.keywordWeight = new QDoubleSpinBox(w);
    side.keywordWeight->setObjectName(QStringLiteral("compareWeight") + prefix);
    side.keywordWeight->setAccessibleName(tr("%1: keyword weight").arg(title));
    side.keywordWeight->setRange(0.0, 1.0);
    side.keywordWeight->setSingleStep(0.05);
    side.keywordWeight->setValue(SearchQuery{}.keywordWeight);
    auto update = [side] {
        const bool hybrid = SearchMode(side.mode->currentData().toInt()) == SearchMode::Hybrid;
        side.fusion->setEnabled(hybrid);
        side.keywordWeight->setEnabled(hybrid);
    };
    connect(side.mode, &QComboBox::currentIndexChanged, w, update);
    update();

    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), w);
    auto *row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(side.mode);
    row->addWidget(side.fusion);
    auto *weightLabel = new QLabel(tr("keyword weight"), w);
    weightLabel->setBuddy(side.keywordWeight);
    row->addWidget(weightLabel);
    row->addWidget(side.keywordWeight);
    row->addStretch(1);
    return w;
}

SearchQuery CompareView::sideQuery(const Side &side) const
{
    SearchQuery q = m_base;
    q.mode = SearchMode(side.mode->currentData().toInt());
    q.fusion = FusionMethod(side.fusion->currentData().toInt());
    q.keywordWeight = side.keywordWeight->value();
    q.k = kDepth;
    q.offset = 0;
    q.log = false; // a diagnostic, not a user's search: keeps the analytics honest
    return q;
}

void CompareView::compare(const SearchQuery &base)
{
    m_base = base;
    m_resultA.reset();
    m_resultB.reset();
    m_queryA = sideQuery(m_sideA);
    m_queryB = sideQuery(m_sideB);
    if (m_base.text.trimmed().isEmpty()) {
        m_runnerA->cancel();
        m_runnerB->cancel();
        m_modelA->clear();
        m_modelB->clear();
        m_summary->setText(tr("Type a query to compare."));
        return;
    }
    m_summary->setText(tr("Comparing …"));
    m_runnerA->start({m_queryA, 0, {}});
    m_runnerB->start({m_queryB, 0, {}});
}

bool CompareView::isRunning() const
{
    return m_runnerA->isRunning() || m_runnerB->isRunning();
}

QString CompareView::summary() const
{
    return m_summary->text();
}

QWidget *CompareView::firstInTabOrder() const
{
    return m_run;
}

void CompareView::finish()
{
    if (!m_resultA || !m_resultB)
        return;
    const int shown = std::clamp(m_base.k, 1, kDepth);
    auto ranks = [](const QList<SearchHit> &hits) {
        QHash<qint64, int> r;
        for (int i = 0; i < hits.size(); ++i)
            r.insert(hits[i].id, i + 1);
        return r;
    };
    m_shownA = {*m_resultA, m_queryA};
    m_shownB = {*m_resultB, m_queryB};
    m_modelA->setLists(m_resultA->hits.mid(0, shown), ranks(m_resultB->hits), kDepth);
    m_modelB->setLists(m_resultB->hits.mid(0, shown), ranks(m_resultA->hits), kDepth);
    const QString error = !m_resultA->error.isEmpty() ? m_resultA->error : m_resultB->error;
    if (!error.isEmpty()) {
        m_summary->setText(tr("The comparison failed: %1").arg(error));
    } else {
        m_summary->setText(tr("A: %1 in %2 · B: %3 in %4 · %5 of the top %6 in both")
                               .arg(sideTitle(m_queryA), format::milliseconds(m_resultA->latencyMs),
                                    sideTitle(m_queryB), format::milliseconds(m_resultB->latencyMs))
                               .arg(m_modelA->overlap())
                               .arg(shown));
    }
    emit compared();
}

void CompareView::select(int side, const QModelIndex &current)
{
    if (m_syncing || !current.isValid())
        return;
    CompareModel *model = side == 0 ? m_modelA : m_modelB;
    const SearchHit *hit = model->hit(current.row());
    if (!hit)
        return;
    // The same record in the other table follows, so its two ranks are side by side.
    QTableView *other = side == 0 ? m_tableB : m_tableA;
    const int row = (side == 0 ? m_modelB : m_modelA)->rowOf(hit->id);
    m_syncing = true;
    if (row >= 0) {
        other->selectRow(row);
        other->scrollTo(other->model()->index(row, 0));
    } else {
        other->clearSelection();
    }
    m_syncing = false;
    const Shown &shown = side == 0 ? m_shownA : m_shownB;
    emit hitSelected(*hit, DetailContext::of(shown.query, shown.result, current.row() + 1));
}

} // namespace kms::ui
