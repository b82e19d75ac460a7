// SPDX-License-Identifier: MIT
#include "datapage/RecordDialog.h"
#include "widgets/StatusStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kms::ui {

namespace {

// A choice from a list, or (editable) any text with the list as suggestions.
QComboBox *makeCombo(const QStringList &values, bool editable, bool allowEmpty, const QString &current)
{
    auto *combo = new QComboBox;
    combo->setEditable(editable);
    if (allowEmpty)
        combo->addItem(QString());
    combo->addItems(values);
    if (!current.isEmpty() && combo->findText(current, Qt::MatchFixedString) < 0)
        combo->addItem(current);
    if (editable)
        combo->setCurrentText(current);
    else
        combo->setCurrentIndex(std::max(0, combo->findText(current, Qt::MatchFixedString)));
    combo->setInsertPolicy(QComboBox::NoInsert);
    return combo;
}

// stretch: its share of the dialog's spare height.
QPlainTextEdit *makeText(const QString &text, int lines, int stretch)
{
    auto *edit = new QPlainTextEdit(text);
    edit->setTabChangesFocus(true); // Tab moves on, as in every other field
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    QSizePolicy policy = edit->sizePolicy();
    policy.setVerticalStretch(stretch);
    edit->setSizePolicy(policy);
    return edit;
}

} // namespace

RecordDialog::RecordDialog(Collection collection, const std::optional<StoredRecord> &existing,
                           const AllowedValues &allowed, const BrowseFacets &facets, QWidget *parent)
    : QDialog(parent)
    , m_collection(collection)
    , m_existing(existing)
    , m_allowed(allowed)
{
    setObjectName(QStringLiteral("recordDialog"));
    const bool cases = collection == Collection::Cases;
    const Record r = existing ? existing->record : Record{};
    if (existing)
        setWindowTitle(cases ? tr("Edit case %1").arg(r.externalId) : tr("Edit article %1").arg(r.externalId));
    else
        setWindowTitle(cases ? tr("New case") : tr("New article"));

    auto *layout = new QVBoxLayout(this);
    if (existing) {
        const QLocale locale;
        auto *info = new QLabel(tr("Record %1 · created %2 · updated %3")
                                    .arg(existing->id)
                                    .arg(r.createdAt.isValid() ? locale.toString(r.createdAt.toLocalTime(), QLocale::ShortFormat)
                                                               : tr("unknown"),
                                         r.updatedAt.isValid() ? locale.toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                                               : tr("unknown")),
                                this);
        info->setObjectName(QStringLiteral("recordInfo"));
        info->setEnabled(false);
        layout->addWidget(info);
    }
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form, 1);

    m_externalId = new QLineEdit(r.externalId);
    if (existing) {
        // The identity an import upserts by: shown, not editable, and looking like it.
        m_externalId->setReadOnly(true);
        QPalette p = m_externalId->palette();
        p.setColor(QPalette::Base, p.color(QPalette::Window));
        m_externalId->setPalette(p);
        m_externalId->setToolTip(tr("The ID identifies the record for imports; it cannot change."));
    }
    m_externalId->setPlaceholderText(cases ? tr("e.g. CS-0001234") : tr("e.g. KB-00123"));
    addRow(form, Field::ExternalId, tr("&ID:"), m_externalId);

    m_title = new QLineEdit(r.title);
    addRow(form, Field::Title, tr("&Title:"), m_title);

    m_body = makeText(r.body, cases ? 8 : 12, 3);
    addRow(form, Field::Body, cases ? tr("&Description:") : tr("&Body:"), m_body);

    if (cases) {
        m_resolution = makeText(r.resolution, 4, 1);
        addRow(form, Field::Resolution, tr("&Resolution:"), m_resolution);
    }

    // Both optional (the input rules): a new record starts at the first step of the workflow.
    m_status = makeCombo(allowed.statuses, false, true, existing ? r.status : allowed.statuses.value(0));
    addRow(form, Field::Status, tr("&Status:"), m_status);

    if (cases) {
        m_priority = makeCombo(allowed.priorities, false, true, existing ? r.priority : QStringLiteral("medium"));
        addRow(form, Field::Priority, tr("&Priority:"), m_priority);
    }

    m_product = makeCombo(facets.products, true, true, r.product);
    addRow(form, Field::Product, tr("Pro&duct:"), m_product);

    if (!cases) {
        m_category = makeCombo(facets.categories, true, true, r.category);
        addRow(form, Field::Category, tr("&Category:"), m_category);
    }

    m_tags = new QLineEdit(r.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. vpn, upgrade"));
    addRow(form, Field::Tags, tr("Ta&gs:"), m_tags);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("dialogError"));
    m_error->setWordWrap(true);
    statusstyle::setTone(m_error, statusstyle::Tone::Error);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::onSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Tab goes down the form, then to the buttons.
    QList<QWidget *> order;
    for (int f = 0; f <= int(Field::Tags); ++f)
        if (QWidget *w = m_inputs.value(f))
            order << w;
    order << m_buttons->button(QDialogButtonBox::Save) << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    (existing ? static_cast<QWidget *>(m_title) : m_externalId)->setFocus();
    resize(720, cases ? 640 : 660);
}

void RecordDialog::addRow(QFormLayout *form, Field field, const QString &label, QWidget *input)
{
    static const char *const kNames[] = {"externalId", "title", "body", "resolution", "status", "priority",
                                         "product", "category", "tags"};
    const QString name = QLatin1String(kNames[int(field)]);
    input->setObjectName(name + QStringLiteral("Input"));
    auto *cell = new QWidget;
    // The row grows (or not) as its input does: text boxes share the spare height by stretch.
    QSizePolicy policy = cell->sizePolicy();
    policy.setVerticalPolicy(input->sizePolicy().verticalPolicy());
    policy.setVerticalStretch(input->sizePolicy().verticalStretch());
    cell->setSizePolicy(policy);
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(input);
    auto *problem = new QLabel(cell);
    problem->setObjectName(name + QStringLiteral("Problem"));
    problem->setWordWrap(true);
    statusstyle::setTone(problem, statusstyle::Tone::Error);
    problem->hide();
    v->addWidget(problem);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(input);
    form->addRow(labelWidget, cell);
    // The label's text without the mnemonic, for screen readers.
    input->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    m_problemLabels.insert(int(field), problem);
    m_inputs.insert(int(field), input);
}

Record RecordDialog::record() const
{
    Record r = m_existing ? m_existing->record : Record{};
    r.collection = m_collection;
    r.externalId = m_externalId->text();
    r.title = m_title->text();
    r.body = m_body->toPlainText();
    if (m_resolution)
        r.resolution = m_resolution->toPlainText();
    r.status = m_status->currentText();
    if (m_priority)
        r.priority = m_priority->currentText();
    r.product = m_product->currentText();
    if (m_category)
        r.category = m_category->currentText();
    r.tags.clear();
    for (const QString &t : m_tags->text().split(u',', Qt::SkipEmptyParts))
        r.tags << t;
    return r;
}

void RecordDialog::onSave()
{
    const Record r = normaliseRecord(record(), m_allowed);
    const QList<FieldProblem> problems = validateRecord(r);
    if (!problems.isEmpty()) {
        showProblems(problems);
        return;
    }
    clearProblems();
    emit saveRequested(r);
}

void RecordDialog::clearProblems()
{
    for (QLabel *l : std::as_const(m_problemLabels)) {
        l->clear();
        l->hide();
    }
    m_error->hide();
}

void RecordDialog::showProblems(const QList<FieldProblem> &problems)
{
    clearProblems();
    QWidget *first = nullptr;
    for (const FieldProblem &p : problems) {
        QLabel *label = m_problemLabels.value(int(p.field));
        if (!label) { // a field this dialog has no input for
            showError(p.message());
            continue;
        }
        label->setText(label->text().isEmpty() ? problemText(p) : label->text() + u'\n' + problemText(p));
        label->show();
        if (!first)
            first = m_inputs.value(int(p.field));
    }
    if (first)
        first->setFocus();
}

void RecordDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void RecordDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString RecordDialog::problemShown(Field field) const
{
    const QLabel *label = m_problemLabels.value(int(field));
    return label && !label->isHidden() ? label->text() : QString();
}

QString RecordDialog::problemText(const FieldProblem &p)
{
    switch (p.kind) {
    case FieldProblem::Kind::Required: return tr("This field is required.");
    case FieldProblem::Kind::TooLong: return tr("Too long: %1 bytes, at most %2.").arg(p.size).arg(p.limit);
    case FieldProblem::Kind::TooManyTags: return tr("Too many tags: %1, at most %2.").arg(p.size).arg(p.limit);
    case FieldProblem::Kind::TagTooLong: return tr("A tag is %1 bytes long, at most %2.").arg(p.size).arg(p.limit);
    case FieldProblem::Kind::Duplicate: return tr("Another record already uses the ID “%1”.").arg(p.value);
    case FieldProblem::Kind::NotFound: return tr("This record no longer exists; it was deleted meanwhile.");
    }
    return p.message();
}

} // namespace kms::ui
