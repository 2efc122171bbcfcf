@testable import ConsoleCore

// Keys for the headless store, as a person types them: each one handled and the console idle again
// before the next (the store's idle signal, never a sleep).

func press(_ store: ConsoleStore, _ keys: KeyPress...) async {
    for key in keys {
        store.enqueue(.key(key))
        await store.waitUntilIdle()
    }
}

func type(_ store: ConsoleStore, _ text: String) async {
    for character in text { await press(store, .char(character)) }
}
