<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>kms::ui::AppSettings</name>
    <message>
        <source>The data directory must be an absolute path such as %1; “%2” is not.</source>
        <translation>Das Datenverzeichnis muss ein absoluter Pfad sein, etwa %1; „%2“ ist keiner.</translation>
    </message>
    <message>
        <source>The data directory “%1” is a file, not a folder.</source>
        <translation>Das Datenverzeichnis „%1“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The data directory “%1” is not writable.</source>
        <translation>In das Datenverzeichnis „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Unknown theme “%1” (use system, light or dark).</source>
        <translation>Unbekanntes Farbschema „%1“ (erlaubt sind system, light und dark).</translation>
    </message>
    <message>
        <source>Unknown language “%1” (use system, en or de).</source>
        <translation>Unbekannte Sprache „%1“ (erlaubt sind system, en und de).</translation>
    </message>
    <message>
        <source>Workers must be a whole number from %1 to %2 (0 means one per processor core); “%3” is not.</source>
        <translation>Die Zahl der Worker muss eine ganze Zahl von %1 bis %2 sein (0 heißt: einer pro Prozessorkern); „%3“ ist es nicht.</translation>
    </message>
    <message>
        <source>Batch size must be 0 (automatic) or a whole number from 50 to %1; “%2” is not.</source>
        <translation>Die Stapelgröße muss 0 (automatisch) oder eine ganze Zahl von 50 bis %1 sein; „%2“ ist es nicht.</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApplicationSettingsPanel</name>
    <message>
        <source>Choose the data directory</source>
        <translation>Datenverzeichnis wählen</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>New ingestion jobs</source>
        <translation>Neue Importaufträge</translation>
    </message>
    <message>
        <source>Workers of new ingestion jobs</source>
        <translation>Worker neuer Importaufträge</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatisch (einer pro Kern)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Worker</translation>
    </message>
    <message>
        <source>Batch size of new ingestion jobs</source>
        <translation>Stapelgröße neuer Importaufträge</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>Stapel&amp;größe</translation>
    </message>
    <message>
        <source>Preset in the ingestion page&apos;s form; each job can change them.</source>
        <translation>Voreinstellung im Formular der Importseite; jeder Auftrag kann sie ändern.</translation>
    </message>
    <message>
        <source>Scheduled syncs…</source>
        <translation>Geplante Synchronisierungen…</translation>
    </message>
    <message>
        <source>Show the scheduled syncs on the ingestion page</source>
        <translation>Die geplanten Synchronisierungen auf der Importseite zeigen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the default application settings</source>
        <translation>Die Standardeinstellungen der Anwendung wiederherstellen</translation>
    </message>
    <message>
        <source>Default settings restored.</source>
        <translation>Standardeinstellungen wiederhergestellt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. KMS Admin opens %1 from its next start.</source>
        <translation>Gespeichert. KMS Admin öffnet %1 ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Scheduled syncs are managed on the ingestion page.</source>
        <translation>Geplante Synchronisierungen werden auf der Importseite verwaltet.</translation>
    </message>
    <message>
        <source>This build has no ingestion page.</source>
        <translation>Diese Version hat keine Importseite.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin.</source>
        <translation>Ein neues Datenverzeichnis gilt ab dem nächsten Start von KMS Admin.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin. Open now: %1</source>
        <translation>Ein neues Datenverzeichnis gilt ab dem nächsten Start von KMS Admin. Jetzt geöffnet: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineKeyText</name>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Links per node (M)</source>
        <translation>Verbindungen pro Knoten (M)</translation>
    </message>
    <message>
        <source>Build breadth (efConstruction)</source>
        <translation>Aufbaubreite (efConstruction)</translation>
    </message>
    <message>
        <source>Search breadth (efSearch)</source>
        <translation>Suchbreite (efSearch)</translation>
    </message>
    <message>
        <source>Workers for automatic jobs</source>
        <translation>Worker für automatische Aufträge</translation>
    </message>
    <message>
        <source>Batch size for automatic jobs</source>
        <translation>Stapelgröße für automatische Aufträge</translation>
    </message>
    <message>
        <source>Embedding cache</source>
        <translation>Embedding-Cache</translation>
    </message>
    <message>
        <source>Index save interval</source>
        <translation>Speicherintervall des Index</translation>
    </message>
    <message>
        <source>Metrics history</source>
        <translation>Metrikverlauf</translation>
    </message>
    <message>
        <source>Length of the embedding vectors. Changing it re-embeds every record and rebuilds the vector index.</source>
        <translation>Länge der Embedding-Vektoren. Eine Änderung bettet alle Datensätze neu ein und baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Neighbours each node keeps in the HNSW graph. More improves recall and costs memory. Changing it rebuilds the vector index.</source>
        <translation>Nachbarn, die jeder Knoten im HNSW-Graphen behält. Mehr verbessert die Trefferquote und kostet Speicher. Eine Änderung baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Candidates examined while a vector is inserted. More builds a better graph, more slowly. Changing it rebuilds the vector index.</source>
        <translation>Kandidaten, die beim Einfügen eines Vektors geprüft werden. Mehr ergibt einen besseren Graphen, aber langsamer. Eine Änderung baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Candidates examined per vector query. More finds more true neighbours and takes longer. Applies at once.</source>
        <translation>Kandidaten, die je Vektorabfrage geprüft werden. Mehr findet mehr echte Nachbarn und dauert länger. Gilt sofort.</translation>
    </message>
    <message>
        <source>Threads of an ingestion job that leaves the number of workers on automatic. Automatic: one per processor core. Applies to the next job.</source>
        <translation>Threads eines Importauftrags, der die Zahl der Worker auf automatisch lässt. Automatisch: einer pro Prozessorkern. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>Records per committed batch for a job that leaves it on automatic. Automatic: the ingestion mode chooses. Applies to the next job.</source>
        <translation>Datensätze pro festgeschriebenem Stapel für einen Auftrag, der sie auf automatisch lässt. Automatisch: Der Importmodus wählt. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>Embeddings kept in memory, so repeated texts are not embedded again. Applies at once.</source>
        <translation>Embeddings, die im Speicher bleiben, damit wiederholte Texte nicht erneut eingebettet werden. Gilt sofort.</translation>
    </message>
    <message>
        <source>How often a long ingestion job saves the vector index. Applies to the next job.</source>
        <translation>Wie oft ein langer Importauftrag den Vektorindex speichert. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>How long the dashboard&apos;s metrics history is kept.</source>
        <translation>Wie lange der Metrikverlauf des Dashboards aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatisch (einer pro Kern)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>%1 (%2) must be 0 (automatic) or between 50 and %3; %4 is not allowed.</source>
        <translation>%1 (%2) muss 0 (automatisch) sein oder zwischen 50 und %3 liegen; %4 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>%1 (%2) must be between %3 and %4; %5 is not allowed.</source>
        <translation>%1 (%2) muss zwischen %3 und %4 liegen; %5 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>Word pairs</source>
        <translation>Wortpaare</translation>
    </message>
    <message>
        <source>Character n-grams</source>
        <translation>Zeichen-N-Gramme</translation>
    </message>
    <message>
        <source>Word weight</source>
        <translation>Wortgewicht</translation>
    </message>
    <message>
        <source>Word pair weight</source>
        <translation>Wortpaargewicht</translation>
    </message>
    <message>
        <source>Character n-gram weight</source>
        <translation>Zeichen-N-Gramm-Gewicht</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineSettingsPanel</name>
    <message>
        <source>The engine&apos;s settings appear once the data directory is open.</source>
        <translation>Die Einstellungen der Engine erscheinen, sobald das Datenverzeichnis geöffnet ist.</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Vector index (HNSW)</source>
        <translation>Vektorindex (HNSW)</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Revert the engine settings to the values in use</source>
        <translation>Die Engine-Einstellungen auf die verwendeten Werte zurücksetzen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Apply the engine settings</source>
        <translation>Die Engine-Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Progress of the engine change</source>
        <translation>Fortschritt der Engine-Änderung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the engine change</source>
        <translation>Die Engine-Änderung abbrechen</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Embedder in use</source>
        <translation>Verwendeter Embedder</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Fixed for this embedder kind.</source>
        <translation>Für diese Art von Embedder fest vorgegeben.</translation>
    </message>
    <message>
        <source>Nothing to apply: the engine already uses these values.</source>
        <translation>Nichts zu übernehmen: Die Engine verwendet diese Werte bereits.</translation>
    </message>
    <message>
        <source>Rebuild the vector index?</source>
        <translation>Vektorindex neu aufbauen?</translation>
    </message>
    <message>
        <source>HNSW M and efConstruction are built into the vector index, so it is rebuilt from the stored vectors of %1 records.

Searches keep using the current index until the new one replaces it. Queued ingestion jobs wait. You can cancel at any time.</source>
        <translation>HNSW M und efConstruction stecken im Aufbau des Vektorindex, daher wird er aus den gespeicherten Vektoren von %1 Datensätzen neu aufgebaut.

Suchen verwenden den aktuellen Index, bis der neue ihn ersetzt. Importaufträge in der Warteschlange warten so lange. Sie können jederzeit abbrechen.</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>Nicht übernommen.</translation>
    </message>
    <message>
        <source>Re-embed all records?</source>
        <translation>Alle Datensätze neu einbetten?</translation>
    </message>
    <message>
        <source>New embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.

The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</source>
        <translation>Neue Embedder-Parameter ändern jeden Vektor: Alle %1 Datensätze werden neu eingebettet, und der Vektorindex wird neu aufgebaut.

Die aktuellen Vektoren bleiben in Gebrauch, bis der neue Satz vollständig ist; ein Abbruch behält sie. Importaufträge in der Warteschlange warten so lange.</translation>
    </message>
    <message>
        <source>Another change is being applied; try again when it has finished.</source>
        <translation>Gerade wird eine andere Änderung übernommen; versuchen Sie es erneut, wenn sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Rebuilding the vector index …</source>
        <translation>Der Vektorindex wird neu aufgebaut …</translation>
    </message>
    <message>
        <source>Re-embedding all records …</source>
        <translation>Alle Datensätze werden neu eingebettet …</translation>
    </message>
    <message>
        <source>Applying …</source>
        <translation>Wird übernommen …</translation>
    </message>
    <message>
        <source>Re-embedding: %1 of %2 records</source>
        <translation>Neu einbetten: %1 von %2 Datensätzen</translation>
    </message>
    <message>
        <source>Rebuilding the vector index: %1 of %2 vectors</source>
        <translation>Vektorindex neu aufbauen: %1 von %2 Vektoren</translation>
    </message>
    <message>
        <source>All records were re-embedded; the new vectors and index are in use.</source>
        <translation>Alle Datensätze wurden neu eingebettet; die neuen Vektoren und der neue Index sind in Gebrauch.</translation>
    </message>
    <message>
        <source>The vector index was rebuilt with the new parameters.</source>
        <translation>Der Vektorindex wurde mit den neuen Parametern neu aufgebaut.</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Übernommen.</translation>
    </message>
    <message>
        <source>Cancelled. The engine keeps its vectors and index; values that apply at once were applied.</source>
        <translation>Abgebrochen. Die Engine behält ihre Vektoren und ihren Index; sofort gültige Werte wurden übernommen.</translation>
    </message>
    <message>
        <source>An ingestion job is running. Apply this change when it has finished.</source>
        <translation>Ein Importauftrag läuft. Übernehmen Sie diese Änderung, wenn er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>the engine reported an error</source>
        <translation>die Engine hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>%1 records. efSearch, the cache and the job values apply at once; HNSW and embedder changes are rebuilt in the background once you confirm.</source>
        <translation>%1 Datensätze. efSearch, der Cache und die Auftragswerte gelten sofort; Änderungen an HNSW und Embedder werden nach Ihrer Bestätigung im Hintergrund neu aufgebaut.</translation>
    </message>
</context>
<context>
    <name>kms::ui::MainWindow</name>
    <message>
        <source>KMS Admin</source>
        <translation>KMS Admin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Could not open the data directory</source>
        <translation>Das Datenverzeichnis konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Closing …</source>
        <translation>Wird geschlossen …</translation>
    </message>
    <message>
        <source>The data directory %1 could not be opened:

%2</source>
        <translation>Das Datenverzeichnis %1 konnte nicht geöffnet werden:

%2</translation>
    </message>
    <message>
        <source>Quit KMS Admin</source>
        <translation>KMS Admin beenden</translation>
    </message>
    <message>
        <source>An ingestion job is running. Quit anyway?

The job stops after its current batch; every committed record stays, and running the same files again finishes the load.</source>
        <translation>Ein Importauftrag läuft. Trotzdem beenden?

Der Auftrag hält nach seinem aktuellen Stapel an; jeder festgeschriebene Datensatz bleibt erhalten, und ein erneuter Import derselben Dateien schließt das Laden ab.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>A change of the engine settings is being applied. Quit anyway?

It is cancelled; the engine keeps its current vectors and index, and you can apply the change again later.</source>
        <translation>Gerade wird eine Änderung der Engine-Einstellungen übernommen. Trotzdem beenden?

Sie wird abgebrochen; die Engine behält ihre aktuellen Vektoren und ihren Index, und Sie können die Änderung später erneut übernehmen.</translation>
    </message>
</context>
<context>
    <name>kms::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Engine of the open data directory</source>
        <translation>Engine des geöffneten Datenverzeichnisses</translation>
    </message>
</context>
<context>
    <name>kms::ui::format</name>
    <message>
        <source>%1 rec/s</source>
        <translation>%1 DS/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
</TS>
