// SPDX-License-Identifier: MIT
#include "settingspage/ApplicationSettingsPanel.h"

#include "config/EngineConfig.h"
#include "engine/Engine.h"
#include "widgets/StatusStyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
QLabel *noteLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}
} // namespace

ApplicationSettingsPanel::ApplicationSettingsPanel(AppSettings *settings, const QString &openDataDirectory,
                                                   QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_openDataDirectory(openDataDirectory)
{
    chooseDirectory = [](QWidget *p, const QString &start) {
        return QFileDialog::getExistingDirectory(p, tr("Choose the data directory"), start);
    };
    build();
    load();
    // Changed elsewhere (another page, a second window): show the stored value.
    connect(settings, &AppSettings::changed, this, [this] { load(); });
}

void ApplicationSettingsPanel::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *general = new QGroupBox(tr("Data directory"), this);
    general->setObjectName(QStringLiteral("generalGroup"));
    auto *generalForm = new QFormLayout(general);
    m_dataDirectory = new QLineEdit(general);
    m_dataDirectory->setObjectName(QStringLiteral("dataDirectoryEdit"));
    m_dataDirectory->setAccessibleName(tr("Data directory"));
    m_dataDirectory->setClearButtonEnabled(true);
    m_dataDirectory->setPlaceholderText(tr("Default: %1").arg(Engine::resolveDataDirectory()));
    m_browse = new QPushButton(tr("Browse…"), general);
    m_browse->setObjectName(QStringLiteral("dataDirectoryBrowse"));
    m_browse->setAccessibleName(tr("Choose the data directory"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_dataDirectory, 1);
    row->addWidget(m_browse);
    auto *folderLabel = new QLabel(tr("&Folder"), general);
    folderLabel->setBuddy(m_dataDirectory);
    generalForm->addRow(folderLabel, row);
    m_dataDirectoryNote = noteLabel(general);
    m_dataDirectoryNote->setObjectName(QStringLiteral("dataDirectoryNote"));
    generalForm->addRow(QString(), m_dataDirectoryNote);
    layout->addWidget(general);

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    appearance->setObjectName(QStringLiteral("appearanceGroup"));
    auto *appearanceForm = new QFormLayout(appearance);
    m_theme = new QComboBox(appearance);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("System"), QVariant::fromValue(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(AppSettings::Theme::Dark));
    auto *themeLabel = new QLabel(tr("&Theme"), appearance);
    themeLabel->setObjectName(QStringLiteral("themeLabel"));
    themeLabel->setBuddy(m_theme);
    appearanceForm->addRow(themeLabel, m_theme);
    m_language = new QComboBox(appearance);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System"), QVariant::fromValue(AppSettings::Language::System));
    // Each language in its own words, so it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QVariant::fromValue(AppSettings::Language::English));
    m_language->addItem(QStringLiteral("Deutsch"), QVariant::fromValue(AppSettings::Language::German));
    auto *languageLabel = new QLabel(tr("&Language"), appearance);
    languageLabel->setObjectName(QStringLiteral("languageLabel"));
    languageLabel->setBuddy(m_language);
    appearanceForm->addRow(languageLabel, m_language);
    layout->addWidget(appearance);

    auto *ingestion = new QGroupBox(tr("New ingestion jobs"), this);
    ingestion->setObjectName(QStringLiteral("ingestionGroup"));
    auto *ingestionForm = new QFormLayout(ingestion);
    m_workers = new QSpinBox(ingestion);
    m_workers->setObjectName(QStringLiteral("ingestWorkersSpin"));
    m_workers->setAccessibleName(tr("Workers of new ingestion jobs"));
    m_workers->setRange(0, 128);
    m_workers->setSpecialValueText(tr("Automatic (one per core)"));
    m_workers->setKeyboardTracking(false);
    auto *workersLabel = new QLabel(tr("&Workers"), ingestion);
    workersLabel->setBuddy(m_workers);
    ingestionForm->addRow(workersLabel, m_workers);
    m_batchSize = new QSpinBox(ingestion);
    m_batchSize->setObjectName(QStringLiteral("ingestBatchSpin"));
    m_batchSize->setAccessibleName(tr("Batch size of new ingestion jobs"));
    m_batchSize->setRange(0, EngineConfig::kMaxBatchSize);
    m_batchSize->setSpecialValueText(tr("Automatic"));
    m_batchSize->setKeyboardTracking(false);
    auto *batchLabel = new QLabel(tr("&Batch size"), ingestion);
    batchLabel->setBuddy(m_batchSize);
    ingestionForm->addRow(batchLabel, m_batchSize);
    auto *ingestionNote = noteLabel(ingestion);
    ingestionNote->setText(tr("Preset in the ingestion page's form; each job can change them."));
    ingestionForm->addRow(QString(), ingestionNote);
    m_schedules = new QPushButton(tr("Scheduled syncs…"), ingestion);
    m_schedules->setObjectName(QStringLiteral("schedulesButton"));
    m_schedules->setAccessibleName(tr("Show the scheduled syncs on the ingestion page"));
    ingestionForm->addRow(QString(), m_schedules);
    layout->addWidget(ingestion);

    auto *footer = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("appMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    footer->addWidget(m_message, 1);
    m_defaults = new QPushButton(tr("Restore defaults"), this);
    m_defaults->setObjectName(QStringLiteral("appDefaults"));
    m_defaults->setAccessibleName(tr("Restore the default application settings"));
    footer->addWidget(m_defaults, 0, Qt::AlignTop);
    layout->addLayout(footer);

    connect(m_dataDirectory, &QLineEdit::editingFinished, this,
            [this] { commit(AppSettings::Key::DataDirectory, m_dataDirectory->text()); });
    connect(m_browse, &QPushButton::clicked, this, &ApplicationSettingsPanel::browse);
    connect(m_theme, &QComboBox::activated, this,
            [this] { commit(AppSettings::Key::Theme, m_theme->currentData()); });
    connect(m_language, &QComboBox::activated, this,
            [this] { commit(AppSettings::Key::Language, m_language->currentData()); });
    connect(m_workers, &QSpinBox::valueChanged, this, [this](int v) { commit(AppSettings::Key::IngestWorkers, v); });
    connect(m_batchSize, &QSpinBox::valueChanged, this,
            [this](int v) { commit(AppSettings::Key::IngestBatchSize, v); });
    connect(m_schedules, &QPushButton::clicked, this, [this] { emit showPageRequested(QStringLiteral("ingestion")); });
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        for (auto key : {AppSettings::Key::DataDirectory, AppSettings::Key::Theme, AppSettings::Key::Language,
                         AppSettings::Key::IngestWorkers, AppSettings::Key::IngestBatchSize})
            m_settings->reset(key);
        load();
        showMessage(tr("Default settings restored."), false);
    });
    setSchedulesAvailable(false);
}

void ApplicationSettingsPanel::load()
{
    const QSignalBlocker b1(m_theme), b2(m_language), b3(m_workers), b4(m_batchSize);
    m_dataDirectory->setText(m_settings->dataDirectory());
    m_theme->setCurrentIndex(m_theme->findData(QVariant::fromValue(m_settings->theme())));
    m_language->setCurrentIndex(m_language->findData(QVariant::fromValue(m_settings->language())));
    m_workers->setValue(m_settings->ingestWorkers());
    m_batchSize->setValue(m_settings->ingestBatchSize());
    updateDataDirectoryNote();
}

void ApplicationSettingsPanel::commit(AppSettings::Key key, const QVariant &value)
{
    const QVariant before = m_settings->value(key);
    QString error;
    if (!m_settings->setValue(key, value, &error)) {
        showMessage(error, true);
        return;
    }
    showMessage(QString(), false);
    if (key == AppSettings::Key::DataDirectory && m_settings->value(key) != before) {
        const QString next = Engine::resolveDataDirectory(m_settings->dataDirectory());
        showMessage(next == m_openDataDirectory
                        ? tr("Saved.")
                        : tr("Saved. KMS Admin opens %1 from its next start.").arg(next),
                    false);
        updateDataDirectoryNote();
    }
}

void ApplicationSettingsPanel::browse()
{
    const QString start = m_dataDirectory->text().isEmpty() ? m_openDataDirectory : m_dataDirectory->text();
    const QString chosen = chooseDirectory ? chooseDirectory(this, start) : QString();
    if (chosen.isEmpty())
        return;
    m_dataDirectory->setText(chosen);
    commit(AppSettings::Key::DataDirectory, chosen);
}

void ApplicationSettingsPanel::setSchedulesAvailable(bool available)
{
    m_schedules->setEnabled(available);
    m_schedules->setToolTip(available ? tr("Scheduled syncs are managed on the ingestion page.")
                                      : tr("This build has no ingestion page."));
}

void ApplicationSettingsPanel::setOpenDataDirectory(const QString &path)
{
    m_openDataDirectory = path;
    updateDataDirectoryNote();
}

void ApplicationSettingsPanel::updateDataDirectoryNote()
{
    m_dataDirectoryNote->setText(
        m_openDataDirectory.isEmpty()
            ? tr("A new data directory is used from the next start of KMS Admin.")
            : tr("A new data directory is used from the next start of KMS Admin. Open now: %1").arg(m_openDataDirectory));
}

void ApplicationSettingsPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    // Errors in the palette's warning colour, whatever the theme.
    statusstyle::setTone(m_message, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral, error);
    if (error)
        m_message->setAccessibleDescription(text);
}

QList<QWidget *> ApplicationSettingsPanel::focusChain() const
{
    return {m_dataDirectory, m_browse, m_theme, m_language, m_workers, m_batchSize, m_schedules, m_defaults};
}

} // namespace kms::ui
