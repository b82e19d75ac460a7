// SPDX-License-Identifier: MIT
#include "datapage/FilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>

namespace kms::ui {

namespace {
QComboBox *makeCombo(const QString &name, const QString &accessible)
{
    auto *c = new QComboBox;
    c->setObjectName(name);
    c->setAccessibleName(accessible);
    c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    c->setMinimumContentsLength(8);
    return c;
}
} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_status(makeCombo(QStringLiteral("statusFilter"), tr("Status filter")))
    , m_priority(makeCombo(QStringLiteral("priorityFilter"), tr("Priority filter")))
    , m_product(makeCombo(QStringLiteral("productFilter"), tr("Product filter")))
    , m_category(makeCombo(QStringLiteral("categoryFilter"), tr("Category filter")))
    , m_tag(new QLineEdit(this))
    , m_clear(new QPushButton(tr("C&lear filters"), this))
    , m_typing(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setAccessibleName(tr("Text filter"));
    m_text->setPlaceholderText(tr("Filter by words, \"phrases\", prefix*, -excluded …"));
    m_text->setClearButtonEnabled(true);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setAccessibleName(tr("Tag filter"));
    m_tag->setPlaceholderText(tr("Tag"));
    m_tag->setClearButtonEnabled(true);
    m_tag->setMaximumWidth(160);
    m_clear->setObjectName(QStringLiteral("clearFilters"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    for (QWidget *w : {static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_priority),
                       static_cast<QWidget *>(m_product), static_cast<QWidget *>(m_category),
                       static_cast<QWidget *>(m_tag), static_cast<QWidget *>(m_clear)})
        layout->addWidget(w);

    fill(m_status, {}, tr("Any status"));
    fill(m_priority, {}, tr("Any priority"));
    fill(m_product, {}, tr("Any product"));
    fill(m_category, {}, tr("Any category"));

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingDelayMs);
    connect(m_typing, &QTimer::timeout, this, &FilterBar::changed);
    auto typed = [this] {
        if (!m_loading)
            m_typing->start();
    };
    connect(m_text, &QLineEdit::textChanged, this, typed);
    connect(m_tag, &QLineEdit::textChanged, this, typed);
    // Enter applies at once.
    auto now = [this] {
        m_typing->stop();
        emit changed();
    };
    connect(m_text, &QLineEdit::returnPressed, this, now);
    connect(m_tag, &QLineEdit::returnPressed, this, now);
    for (QComboBox *c : {m_status, m_priority, m_product, m_category})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading)
                emit changed();
        });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        clear();
        emit changed();
    });
}

void FilterBar::fill(QComboBox *combo, const QStringList &values, const QString &anyText)
{
    const QString current = combo->currentData().toString();
    QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString &v : values)
        combo->addItem(v, v);
    // A selection the store no longer holds is kept, so the filter does not change under the user.
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(current, current);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void FilterBar::setCollection(Collection c)
{
    m_collection = c;
    m_priority->setVisible(c == Collection::Cases);
    m_category->setVisible(c == Collection::Knowledge);
}

void FilterBar::setFacets(const BrowseFacets &facets)
{
    fill(m_status, facets.statuses, tr("Any status"));
    fill(m_priority, facets.priorities, tr("Any priority"));
    fill(m_product, facets.products, tr("Any product"));
    fill(m_category, facets.categories, tr("Any category"));
}

void FilterBar::applyTo(BrowseQuery *q) const
{
    q->text = m_text->text().trimmed();
    q->status = m_status->currentData().toString();
    q->priority = q->collection == Collection::Cases ? m_priority->currentData().toString() : QString();
    q->product = m_product->currentData().toString();
    q->category = q->collection == Collection::Knowledge ? m_category->currentData().toString() : QString();
    q->tag = m_tag->text().trimmed();
}

void FilterBar::load(const BrowseQuery &q)
{
    m_loading = true;
    m_typing->stop();
    m_text->setText(q.text);
    m_tag->setText(q.tag);
    auto select = [](QComboBox *combo, const QString &value) {
        if (!value.isEmpty() && combo->findData(value) < 0)
            combo->addItem(value, value);
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    };
    select(m_status, q.status);
    select(m_priority, q.priority);
    select(m_product, q.product);
    select(m_category, q.category);
    setCollection(q.collection);
    m_loading = false;
}

void FilterBar::clear()
{
    BrowseQuery empty;
    empty.collection = m_collection;
    load(empty);
}

} // namespace kms::ui
