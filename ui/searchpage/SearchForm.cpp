// SPDX-License-Identifier: MIT
#include "searchpage/SearchForm.h"

#include "searchpage/SearchHistory.h"
#include "widgets/StatusStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
QLineEdit *filterEdit(QWidget *parent, const char *name, const QString &accessible, const QString &placeholder)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setAccessibleName(accessible);
    e->setPlaceholderText(placeholder);
    e->setClearButtonEnabled(true);
    return e;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *l = new QLabel(text, buddy->parentWidget());
    l->setBuddy(buddy);
    return l;
}

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}
} // namespace

SearchForm::SearchForm(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_collection(new QComboBox(this))
    , m_search(new QPushButton(tr("Search"), this))
    , m_recent(new QToolButton(this))
    , m_filtersToggle(new QToolButton(this))
    , m_error(new QLabel(this))
{
    m_query->setObjectName(QStringLiteral("query"));
    m_query->setAccessibleName(tr("Search query"));
    m_query->setPlaceholderText(tr("Search cases and articles: words, \"a phrase\", prefix*, -exclude, status:open …"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);

    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->setAccessibleName(tr("Search mode"));
    m_mode->addItem(tr("Hybrid"), int(SearchMode::Hybrid));
    m_mode->addItem(tr("Keyword"), int(SearchMode::Keyword));
    m_mode->addItem(tr("Vector"), int(SearchMode::Vector));
    m_mode->setToolTip(tr("Keyword: BM25 over the words. Vector: nearest embeddings. Hybrid: both lists fused."));

    m_collection->setObjectName(QStringLiteral("collection"));
    m_collection->setAccessibleName(tr("Collection"));
    m_collection->addItem(tr("Cases and articles"), -1);
    m_collection->addItem(tr("Cases"), int(Collection::Cases));
    m_collection->addItem(tr("Articles"), int(Collection::Knowledge));

    m_search->setObjectName(QStringLiteral("searchButton"));
    m_search->setDefault(false);
    m_search->setAutoDefault(false);

    m_recent->setObjectName(QStringLiteral("recentButton"));
    m_recent->setText(tr("Recent"));
    m_recent->setAccessibleName(tr("Recent searches"));
    m_recent->setToolTip(tr("Run a recent search again"));
    m_recent->setPopupMode(QToolButton::InstantPopup);
    m_recent->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_filtersToggle->setObjectName(QStringLiteral("filtersToggle"));
    m_filtersToggle->setText(tr("Filters"));
    m_filtersToggle->setAccessibleName(tr("Show filters and ranking options"));
    m_filtersToggle->setCheckable(true);
    m_filtersToggle->setChecked(true);
    m_filtersToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_filtersToggle->setArrowType(Qt::DownArrow);

    m_error->setObjectName(QStringLiteral("formError"));
    m_error->setWordWrap(true);
    statusstyle::setTone(m_error, statusstyle::Tone::Error);
    m_error->hide();

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_query, 1);
    top->addWidget(m_mode);
    top->addWidget(m_collection);
    top->addWidget(m_search);
    top->addWidget(m_recent);
    top->addWidget(m_filtersToggle);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(buildFilters());
    layout->addWidget(m_error);

    connect(m_query, &QLineEdit::returnPressed, this, &SearchForm::submitted);
    connect(m_search, &QPushButton::clicked, this, &SearchForm::submitted);
    connect(m_query, &QLineEdit::textEdited, this, &SearchForm::edited);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit edited();
    });
    connect(m_collection, &QComboBox::currentIndexChanged, this, &SearchForm::edited);
    connect(m_filtersToggle, &QToolButton::toggled, this, [this](bool on) {
        m_filters->setVisible(on);
        m_filtersToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    updateEnabled();

    setTabOrder(m_query, m_mode);
    setTabOrder(m_mode, m_collection);
    setTabOrder(m_collection, m_search);
    setTabOrder(m_search, m_recent);
    setTabOrder(m_recent, m_filtersToggle);
    setTabOrder(m_filtersToggle, m_status);
    setTabOrder(m_status, m_priority);
    setTabOrder(m_priority, m_product);
    setTabOrder(m_product, m_category);
    setTabOrder(m_category, m_tags);
    setTabOrder(m_tags, m_dateField);
    setTabOrder(m_dateField, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_k);
    setTabOrder(m_k, m_fusion);
    setTabOrder(m_fusion, m_keywordWeight);
    setTabOrder(m_keywordWeight, m_rrfK);
    setTabOrder(m_rrfK, m_asYouType);
}

QWidget *SearchForm::buildFilters()
{
    m_filters = new QWidget(this);
    m_filters->setObjectName(QStringLiteral("filters"));
    QWidget *p = m_filters;
    m_status = filterEdit(p, "statusFilter", tr("Status filter"), tr("open, pending"));
    m_priority = filterEdit(p, "priorityFilter", tr("Priority filter"), tr("high"));
    m_product = filterEdit(p, "productFilter", tr("Product filter"), tr("any product"));
    m_category = filterEdit(p, "categoryFilter", tr("Category filter"), tr("any category"));
    m_tags = filterEdit(p, "tagsFilter", tr("Tags filter"), tr("vpn, network"));
    for (QLineEdit *e : {m_status, m_priority, m_product, m_category, m_tags}) {
        e->setToolTip(tr("Comma-separated alternatives; empty means any"));
        connect(e, &QLineEdit::returnPressed, this, &SearchForm::submitted);
        connect(e, &QLineEdit::textEdited, this, &SearchForm::edited);
    }

    m_dateField = new QComboBox(p);
    m_dateField->setObjectName(QStringLiteral("dateField"));
    m_dateField->setAccessibleName(tr("Date filter field"));
    m_dateField->addItem(tr("Updated"), QStringLiteral("updated"));
    m_dateField->addItem(tr("Created"), QStringLiteral("created"));
    m_from = filterEdit(p, "dateFrom", tr("From date"), tr("YYYY-MM-DD"));
    m_to = filterEdit(p, "dateTo", tr("To date"), tr("YYYY-MM-DD"));
    for (QLineEdit *e : {m_from, m_to}) {
        e->setMaximumWidth(110);
        e->setToolTip(tr("A day as YYYY-MM-DD, inclusive; empty means open-ended"));
        connect(e, &QLineEdit::returnPressed, this, &SearchForm::submitted);
        connect(e, &QLineEdit::textEdited, this, &SearchForm::edited);
    }
    connect(m_dateField, &QComboBox::currentIndexChanged, this, &SearchForm::edited);

    m_k = new QSpinBox(p);
    m_k->setObjectName(QStringLiteral("hitsPerPage"));
    m_k->setAccessibleName(tr("Hits per page"));
    m_k->setRange(1, 100);
    m_k->setValue(20);
    m_fusion = new QComboBox(p);
    m_fusion->setObjectName(QStringLiteral("fusion"));
    m_fusion->setAccessibleName(tr("Fusion method"));
    m_fusion->addItem(tr("RRF"), int(FusionMethod::Rrf));
    m_fusion->addItem(tr("Weighted"), int(FusionMethod::Weighted));
    m_fusion->setCurrentIndex(m_fusion->findData(int(SearchQuery{}.fusion)));
    m_fusion->setToolTip(tr("How hybrid mode merges the keyword and vector lists: reciprocal rank fusion, "
                            "or a weighted sum of normalised scores"));
    m_keywordWeight = new QDoubleSpinBox(p);
    m_keywordWeight->setObjectName(QStringLiteral("keywordWeight"));
    m_keywordWeight->setAccessibleName(tr("Keyword weight"));
    m_keywordWeight->setRange(0.0, 1.0);
    m_keywordWeight->setSingleStep(0.05);
    m_keywordWeight->setDecimals(2);
    m_keywordWeight->setValue(SearchQuery{}.keywordWeight);
    m_keywordWeight->setToolTip(tr("The keyword list's share in the fusion; the vector list gets the rest"));
    m_rrfK = new QSpinBox(p);
    m_rrfK->setObjectName(QStringLiteral("rrfK"));
    m_rrfK->setAccessibleName(tr("RRF k"));
    m_rrfK->setRange(1, 1000);
    m_rrfK->setValue(SearchQuery{}.rrfK);
    m_rrfK->setToolTip(tr("The RRF constant: larger values flatten the difference between ranks"));
    m_asYouType = new QCheckBox(tr("Search as you type"), p);
    m_asYouType->setObjectName(QStringLiteral("asYouType"));
    m_asYouType->setChecked(true);
    connect(m_k, &QSpinBox::valueChanged, this, &SearchForm::edited);
    connect(m_fusion, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit edited();
    });
    connect(m_keywordWeight, &QDoubleSpinBox::valueChanged, this, &SearchForm::edited);
    connect(m_rrfK, &QSpinBox::valueChanged, this, &SearchForm::edited);

    auto *grid = new QGridLayout(p);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    int col = 0;
    auto pair = [&](int row, const QString &label, QWidget *w, int stretch = 1) {
        grid->addWidget(buddyLabel(label, w), row, col++);
        grid->addWidget(w, row, col++);
        grid->setColumnStretch(col - 1, stretch);
    };
    pair(0, tr("&Status"), m_status);
    pair(0, tr("Priorit&y"), m_priority);
    pair(0, tr("Pro&duct"), m_product);
    pair(0, tr("Cate&gory"), m_category);
    pair(0, tr("T&ags"), m_tags);
    col = 0;
    auto *dates = new QHBoxLayout;
    dates->setSpacing(4);
    dates->addWidget(m_dateField);
    dates->addWidget(buddyLabel(tr("from"), m_from));
    dates->addWidget(m_from);
    dates->addWidget(buddyLabel(tr("to"), m_to));
    dates->addWidget(m_to);
    dates->addSpacing(12);
    dates->addWidget(buddyLabel(tr("&Hits per page"), m_k));
    dates->addWidget(m_k);
    dates->addSpacing(12);
    dates->addWidget(buddyLabel(tr("F&usion"), m_fusion));
    dates->addWidget(m_fusion);
    dates->addWidget(buddyLabel(tr("&Keyword weight"), m_keywordWeight));
    dates->addWidget(m_keywordWeight);
    dates->addWidget(buddyLabel(tr("RRF &k"), m_rrfK));
    dates->addWidget(m_rrfK);
    dates->addStretch(1);
    dates->addWidget(m_asYouType);
    grid->addLayout(dates, 1, 0, 1, 10);
    return m_filters;
}

void SearchForm::updateEnabled()
{
    const bool hybrid = SearchMode(m_mode->currentData().toInt()) == SearchMode::Hybrid;
    m_fusion->setEnabled(hybrid);
    m_keywordWeight->setEnabled(hybrid);
    m_rrfK->setEnabled(hybrid && FusionMethod(m_fusion->currentData().toInt()) == FusionMethod::Rrf);
}

QWidget *SearchForm::lastInTabOrder() const
{
    return m_asYouType;
}

QString SearchForm::text() const
{
    return m_query->text();
}

void SearchForm::setText(const QString &text)
{
    m_query->setText(text);
}

bool SearchForm::searchAsYouType() const
{
    return m_asYouType->isChecked();
}

std::optional<SearchQuery> SearchForm::query(QString *error) const
{
    SearchQuery q;
    q.text = m_query->text().trimmed();
    q.mode = SearchMode(m_mode->currentData().toInt());
    if (const int c = m_collection->currentData().toInt(); c >= 0)
        q.filters.collection = Collection(c);
    const std::pair<const char *, QLineEdit *> lists[] = {
        {"status", m_status}, {"priority", m_priority}, {"product", m_product}, {"category", m_category}, {"tag", m_tags}};
    for (const auto &[key, edit] : lists) {
        const QString value = edit->text().trimmed();
        QString why;
        if (!value.isEmpty() && !q.filters.add(QStringLiteral("%1=%2").arg(QLatin1String(key), value), &why)) {
            *error = tr("%1: %2").arg(edit->accessibleName(), why);
            return std::nullopt;
        }
    }
    const QString field = m_dateField->currentData().toString();
    QDate bounds[2];
    const std::pair<QLineEdit *, const char *> dates[] = {{m_from, ">="}, {m_to, "<="}};
    for (int i = 0; i < 2; ++i) {
        const QString value = dates[i].first->text().trimmed();
        if (value.isEmpty())
            continue;
        bounds[i] = QDate::fromString(value, Qt::ISODate);
        if (!bounds[i].isValid()) {
            *error = tr("%1: '%2' is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31")
                         .arg(dates[i].first->accessibleName(), value);
            return std::nullopt;
        }
        QString why;
        q.filters.add(QStringLiteral("%1%2%3").arg(field, QLatin1String(dates[i].second), bounds[i].toString(Qt::ISODate)), &why);
    }
    if (bounds[0].isValid() && bounds[1].isValid() && bounds[1] < bounds[0]) {
        *error = tr("The date range ends (%1) before it starts (%2)")
                     .arg(bounds[1].toString(Qt::ISODate), bounds[0].toString(Qt::ISODate));
        return std::nullopt;
    }
    q.k = m_k->value();
    q.fusion = FusionMethod(m_fusion->currentData().toInt());
    q.keywordWeight = m_keywordWeight->value();
    q.rrfK = m_rrfK->value();
    return q;
}

void SearchForm::apply(const HistoryEntry &entry)
{
    // Programmatic changes must not each start a search: the caller runs the restored one.
    const QSignalBlocker block(this);
    m_query->setText(entry.text);
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(entry.mode))));
    updateEnabled();
    const SearchFilters f = filtersFromJson(entry.filtersJson);
    m_collection->setCurrentIndex(f.collection ? std::max(0, m_collection->findData(int(*f.collection))) : 0);
    m_status->setText(joined(f.statuses));
    m_priority->setText(joined(f.priorities));
    m_product->setText(joined(f.products));
    m_category->setText(joined(f.categories));
    m_tags->setText(joined(f.tags));
    const bool created = !f.updatedFrom.isValid() && !f.updatedTo.isValid()
                         && (f.createdFrom.isValid() || f.createdTo.isValid());
    m_dateField->setCurrentIndex(created ? 1 : 0);
    const QDateTime &from = created ? f.createdFrom : f.updatedFrom;
    const QDateTime &to = created ? f.createdTo : f.updatedTo;
    m_from->setText(from.isValid() ? from.toUTC().date().toString(Qt::ISODate) : QString());
    m_to->setText(to.isValid() ? to.toUTC().date().toString(Qt::ISODate) : QString());
}

void SearchForm::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool SearchForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            emit leaveDown();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kms::ui
