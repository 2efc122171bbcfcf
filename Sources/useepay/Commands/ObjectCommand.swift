import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

/// The options every `show` command has besides the id: the global ones, `--format` and `--raw`.
struct ShowOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }
}

/// What every `list` and `show` command does once it knows its resource — settings, session, paging or
/// reading, writing — so a command only builds its query or names its retrieve call.
enum ObjectCommand {
    /// Pages through a listing between `--since` and `--until` and writes it.
    /// - Parameter pages: the client's auto-paging listing for a window of creation times.
    static func list<Item: Identifiable & Sendable>(
        _ global: GlobalOptions, _ listing: ListingOptions, noun: String, defaultSinceToday: Bool = false,
        columns: (TimeText) -> [OutputColumn<Item>], raw: @escaping (Item) -> JSONValue,
        pages: (UseePayClient, ListWindow) -> AutoPagingSequence<Item>
    ) async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value, defaultSinceToday: defaultSinceToday)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                pages(session.client, ListingRunner.window(since: from, until: to)), format: listing.format, columns: columns(time),
                raw: raw, limit: listing.limit, noun: noun, streams: StandardStreams(), cells: listing.cells)
        }
    }

    /// Reads one object and writes it: its fields (and dashboard link, when `dashboardKind` has one) for people,
    /// the API's JSON or CSV for programs.
    static func show<Object: Identifiable & Sendable>(
        _ options: ShowOptions, dashboardKind: ObjectKind?, fields: (Object, TimeText) -> [(String, String)],
        raw: (Object) -> JSONValue, retrieve: (UseePayClient) async throws -> Object
    ) async throws where Object.ID == String {
        let settings = try options.global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let object: Object
            do { object = try await retrieve(session.client) } catch { throw FailureClassifier.failure(error) }
            let dashboard = dashboardKind.flatMap { session.dashboardLinks.link(for: ObjectRef($0, object.id)) }
            ListingRunner.show(raw: raw(object), fields: fields(object, time), dashboard: dashboard, format: options.format,
                               streams: StandardStreams(), cells: options.raw ? .asReceived : .spreadsheetSafe)
        }
    }
}

/// How `show ID` reads and writes one kind of object: its name, its dashboard page (when the dashboard has
/// one), its fields for people, and the client call that reads it.
struct ShowableKind<Object: UseePayObject & Identifiable>: Sendable where Object.ID == String {
    /// Singular and lower case: "payment intent".
    let noun: String
    let dashboardKind: ObjectKind?
    let fields: @Sendable (Object, TimeText) -> [(String, String)]
    let retrieve: @Sendable (UseePayClient, String) async throws -> Object
}

/// An object that has a `show` command.
protocol Showable: UseePayObject, Identifiable where ID == String {
    static var showable: ShowableKind<Self> { get }
}

/// `RESOURCE show ID`, the same for every kind of object but for what its `ShowableKind` says.
struct ShowCommand<Object: Showable>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: "Show one \(Object.showable.noun).")
    }

    @OptionGroup var options: ShowOptions
    @Argument(help: ArgumentHelp(Object.showable.noun.prefix(1).uppercased() + Object.showable.noun.dropFirst() + " id."))
    var id: String

    func run() async throws {
        let id = self.id, kind = Object.showable
        try await ObjectCommand.show(options, dashboardKind: kind.dashboardKind, fields: kind.fields, raw: \.raw) { client in
            try await kind.retrieve(client, id)
        }
    }
}

/// What `list` shows for one kind of object: its plural name and its output columns.
struct ListableKind<Object: UseePayObject & Identifiable>: Sendable where Object.ID == String {
    /// Plural and lower case: "checkout sessions".
    let noun: String
    let columns: @Sendable (TimeText) -> [OutputColumn<Object>]
}

/// The filter options of one kind of object's `list` command, and the listing they ask for.
protocol ListFilters: ParsableArguments {
    associatedtype Object: UseePayObject & Identifiable where Object.ID == String
    static var listable: ListableKind<Object> { get }
    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Object>
}

/// `RESOURCE list [filters]`, the same for every kind of object but for its `ListFilters`.
struct ListCommand<Filters: ListFilters>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List \(Filters.listable.noun), paging automatically.")
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @OptionGroup var filters: Filters

    func run() async throws {
        let filters = self.filters, kind = Filters.listable
        try await ObjectCommand.list(global, listing, noun: kind.noun, columns: kind.columns, raw: \.raw) { client, window in
            filters.pages(client, window)
        }
    }
}
