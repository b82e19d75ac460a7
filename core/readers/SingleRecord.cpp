// SPDX-License-Identifier: MIT
#include "readers/SingleRecord.h"

#include "readers/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace kms {

namespace {

bool isCsv(const QString &path)
{
    QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".gz")))
        lower.chop(3);
    return lower.endsWith(QLatin1String(".csv")) || lower.endsWith(QLatin1String(".tsv"));
}

QByteArray csvField(const QString &value, char delimiter)
{
    QByteArray v = value.toUtf8();
    if (v.contains(delimiter) || v.contains('"') || v.contains('\n') || v.contains('\r')) {
        v.replace("\"", "\"\"");
        v = '"' + v + '"';
    }
    return v;
}

} // namespace

QStringList csvHeader(const QString &sourcePath, QString *error)
{
    if (!isCsv(sourcePath)) {
        if (error)
            *error = QStringLiteral("%1 is not a CSV file").arg(sourcePath);
        return {};
    }
    CsvReader reader(sourcePath, {});
    if (!reader.open(error))
        return {};
    return reader.columns();
}

bool readSingleRecord(const QString &sourcePath, const QByteArray &text, RawRecord *out, QStringList *columns,
                      QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!RecordReader::isSupported(sourcePath))
        return fail(QStringLiteral("%1: unsupported file type (use .csv, .tsv, .json, .jsonl, .ndjson, "
                                   "optionally .gz)").arg(sourcePath));
    if (text.trimmed().isEmpty())
        return fail(QStringLiteral("the record is empty"));

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString()));
    // A JSON Lines record that was reformatted over several lines is still one object: read it
    // as a .json file, which takes one object or an array of them.
    const bool csv = isCsv(sourcePath);
    const QString tempPath = dir.filePath(csv ? QStringLiteral("record.csv") : QStringLiteral("record.json"));
    QByteArray content;
    ReaderOptions options;
    if (csv) {
        CsvReader source(sourcePath, {});
        QString openError;
        if (!source.open(&openError))
            return fail(QStringLiteral("cannot read the header of %1, which names the columns: %2")
                            .arg(sourcePath, openError));
        // The delimiter is kept: the row being fixed is spelled with it.
        const char delimiter = source.delimiter();
        options.csvDelimiter = delimiter;
        QByteArrayList names;
        for (const QString &c : source.columns())
            names.append(csvField(c, delimiter));
        content = names.join(delimiter) + '\n';
    }
    content += text;
    if (!content.endsWith('\n'))
        content += '\n';
    QFile file(tempPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return fail(QStringLiteral("cannot write %1: %2").arg(tempPath, file.errorString()));
    file.close();

    auto reader = RecordReader::create(tempPath, options);
    QString openError;
    // Messages name the temporary file; the user knows it as "the record".
    auto friendly = [&](QString message) {
        return message.replace(tempPath, QStringLiteral("the record"))
            .replace(QFileInfo(tempPath).fileName(), QStringLiteral("the record"));
    };
    if (!reader || !reader->open(&openError))
        return fail(friendly(openError));
    RawRecord record;
    if (!reader->next(record)) {
        const QString fatal = reader->fatalError();
        return fail(fatal.isEmpty() ? QStringLiteral("the text holds no record") : friendly(fatal));
    }
    RawRecord another;
    if (reader->next(another))
        return fail(QStringLiteral("the text holds more than one record; fix one record at a time"));
    if (!reader->fatalError().isEmpty())
        return fail(friendly(reader->fatalError()));
    record.error = friendly(record.error);
    *out = std::move(record);
    if (columns)
        *columns = reader->columns();
    return true;
}

} // namespace kms
