// SPDX-License-Identifier: MIT
#pragma once

#include "synth/Random.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <vector>

namespace kms::synth {

// Placeholders of the text templates, written "{name}" in a template.
//  - context slots hold one value per record (the product of the case, its error code, ...);
//  - pick slots draw a fresh value from their list at every use ("{step}", "{when}", ...);
//  - wording slots have a formal spelling first and customer spellings after it ("database",
//    "db", "DB"): a sloppy writer takes the informal ones, so search has to know that db = database.
enum class Slot : int {
    // context
    Product, Version, OldVersion, Component, Code, Error, Situation, ShortSymptom, Symptom, Symptom2,
    Cause, Name, Company, Os, Deploy, Dbms, VersionFrom, VersionTo, FixedIn, Category, Agent, Tried,
    Tried2, Article,
    // pick
    When, Step, Count, Impact, Frequency, Time, Browser, Runtime,
    // wording
    Db, Pwd, K8s, Vpn, Pls, Cfg, Env, Prod, App, Msg, Asap, Thanks, You, Info, Auth, Server, Users,
    End_
};
inline constexpr int kContextSlots = int(Slot::When);
inline constexpr int kFirstWordingSlot = int(Slot::Db);
inline constexpr int kSlotCount = int(Slot::End_);

std::optional<Slot> slotFromName(QStringView name);

struct Segment {
    QString text;  // literal text when slot < 0
    int slot = -1;
};
using Template = std::vector<Segment>;

// "Error {code} in {product}" -> segments. Unknown or unclosed placeholders are an error naming them.
std::optional<Template> parseTemplate(const char *utf8, QString *error);

// Expands templates for one record. Context values are set by the caller; pick and wording slots
// are drawn from `lists` with `rng`.
class Expander
{
public:
    explicit Expander(const std::array<QStringList, kSlotCount> &lists) : m_lists(lists) {}

    void setValue(Slot slot, const QString &value) { m_context[std::size_t(slot)] = value; }
    const QString &value(Slot slot) const { return m_context[std::size_t(slot)]; }
    // Percent chance that a wording slot uses an informal spelling (0 = always formal).
    void setInformalPercent(int percent) { m_informalPercent = percent; }

    void append(const Template &t, Rng &rng, QString &out) const;
    QString expand(const Template &t, Rng &rng) const
    {
        QString s;
        append(t, rng, s);
        return s;
    }

private:
    const std::array<QStringList, kSlotCount> &m_lists;
    std::array<QString, kContextSlots> m_context;
    int m_informalPercent = 0;
};

// Whitespace-separated words (anything <= U+0020 separates), the measure of the length ranges.
int countWords(QStringView text);

// Swaps two adjacent letters inside `count` random plain lower-case words (>= 5 letters) of
// text[from..]; codes, versions and ids are never touched. Word count stays the same.
void addTypos(QString &text, qsizetype from, int count, Rng &rng);

// First letter upper-cased (templates may start with a lower-case slot value).
void capitalizeAt(QString &text, qsizetype pos);

} // namespace kms::synth
