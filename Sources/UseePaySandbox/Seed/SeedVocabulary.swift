/// Names and strings for seeded data: realistic, international, and a few awkward-but-legitimate
/// values (very long text, emoji, right-to-left scripts) that clients must display correctly.
enum SeedVocabulary {
    struct Person { var first: String; var last: String; var full: String; var emailLocal: String; var country: String; var city: String }

    static let people: [Person] = [
        Person(first: "민준", last: "김", full: "김민준", emailLocal: "minjun.kim", country: "KR", city: "서울"),
        Person(first: "서연", last: "이", full: "이서연", emailLocal: "seoyeon.lee", country: "KR", city: "부산"),
        Person(first: "지훈", last: "박", full: "박지훈", emailLocal: "jihoon.park", country: "KR", city: "인천"),
        Person(first: "수아", last: "최", full: "최수아", emailLocal: "sua.choi", country: "KR", city: "대구"),
        Person(first: "健", last: "佐藤", full: "佐藤 健", emailLocal: "ken.sato", country: "JP", city: "東京"),
        Person(first: "花子", last: "鈴木", full: "鈴木 花子", emailLocal: "hanako.suzuki", country: "JP", city: "大阪"),
        Person(first: "翔", last: "高橋", full: "高橋 翔", emailLocal: "sho.takahashi", country: "JP", city: "京都"),
        Person(first: "美咲", last: "田中", full: "田中 美咲", emailLocal: "misaki.tanaka", country: "JP", city: "札幌"),
        Person(first: "伟", last: "王", full: "王伟", emailLocal: "wei.wang", country: "CN", city: "北京"),
        Person(first: "娜", last: "李", full: "李娜", emailLocal: "na.li", country: "CN", city: "上海"),
        Person(first: "敏", last: "张", full: "张敏", emailLocal: "min.zhang", country: "CN", city: "深圳"),
        Person(first: "静", last: "陈", full: "陈静", emailLocal: "jing.chen", country: "CN", city: "杭州"),
        Person(first: "John", last: "Smith", full: "John Smith", emailLocal: "john.smith", country: "US", city: "Austin"),
        Person(first: "Emily", last: "Johnson", full: "Emily Johnson", emailLocal: "emily.johnson", country: "US", city: "Seattle"),
        Person(first: "Oliver", last: "Brown", full: "Oliver Brown", emailLocal: "oliver.brown", country: "GB", city: "Leeds"),
        Person(first: "Maria", last: "Garcia", full: "Maria Garcia", emailLocal: "maria.garcia", country: "ES", city: "Madrid"),
        Person(first: "Lucas", last: "Silva", full: "Lucas Silva", emailLocal: "lucas.silva", country: "BR", city: "São Paulo"),
        Person(first: "José", last: "Álvarez", full: "José Álvarez", emailLocal: "jose.alvarez", country: "MX", city: "Mérida"),
        Person(first: "Zoë", last: "Müller", full: "Zoë Müller", emailLocal: "zoe.mueller", country: "DE", city: "München"),
        Person(first: "François", last: "Lefèvre", full: "François Lefèvre", emailLocal: "francois.lefevre", country: "FR", city: "Besançon"),
        Person(first: "Søren", last: "Kjærgaard", full: "Søren Kjærgaard", emailLocal: "soren.kjaergaard", country: "DK", city: "Århus"),
        Person(first: "Łukasz", last: "Wójcik", full: "Łukasz Wójcik", emailLocal: "lukasz.wojcik", country: "PL", city: "Łódź"),
        Person(first: "Ngọc Anh", last: "Nguyễn", full: "Nguyễn Ngọc Anh", emailLocal: "ngocanh.nguyen", country: "VN", city: "Hà Nội"),
        Person(first: "محمد", last: "العلي", full: "محمد العلي", emailLocal: "m.alali", country: "AE", city: "دبي"),
        Person(first: "שרה", last: "כהן", full: "שרה כהן", emailLocal: "sarah.cohen", country: "IL", city: "תל אביב"),
        Person(first: "Siobhán", last: "O'Brien-Ní Dhomhnaill", full: "Siobhán O'Brien-Ní Dhomhnaill", emailLocal: "siobhan.obrien", country: "IE", city: "Dún Laoghaire"),
    ]

    static let products = [
        "Merino wool sweater", "Ceramic pour-over set", "Noise-cancelling headphones", "Hiking boots (size 42)", "Annual plan",
        "Gift card", "Espresso beans 1kg", "한정판 운동화", "抹茶セット", "丝绸围巾", "Café crème subscription", "Smørrebrød workshop",
        "Yoga mat 🧘", "Birthday cake 🎂 with candles", "ספר בישול", "كتاب الطبخ", "Replacement charger", "Vinyl record — limited edition",
    ]

    static let longDescription = String(repeating: "Extended warranty covering accidental damage, theft and mechanical breakdown for thirty-six months; ", count: 24)

    static let awkward = [
        longDescription,
        "👩‍👩‍👧‍👦 family pack 🇰🇷🇯🇵 — emoji with ZWJ sequences and flags",
        "طلب رقم ١٢٣٤ — توصيل سريع",
        "הזמנה מספר 5678 (משלוח חינם)",
        "Mixed ltr עברית and عربي in one line",
        "Ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ ｗｉｔｈ ideographic space",
        "Combining: e\u{301}le\u{300}ve Z\u{0351}\u{036B}\u{0343}\u{036A}a\u{0302}\u{036B}",
    ]

    /// Strings that try to take over a terminal: escape sequences, OSC 52 clipboard writes, control characters.
    static let hostile = [
        "\u{1B}[2J\u{1B}[H\u{1B}[31mSCREEN CLEARED\u{1B}[0m",
        "\u{1B}]52;c;ZWNobyBoYWNrZWQ=\u{07}clipboard overwrite (OSC 52)",
        "\u{1B}]0;fake window title\u{07}title change",
        "bell\u{07}\u{07} backspace\u{08}\u{08}\u{08} delete\u{7F}",
        "C1 CSI \u{9B}31m red and \u{9D}0;title\u{9C}",
        "line one\nline two\r\ncarriage\rreturn\ttab",
        "\u{202E}gnp.exe right-to-left override",
        "zero\u{200B}width\u{200D}joiners\u{FEFF}bom",
        "\u{1B}[6n cursor position request",
        "NUL\u{0} in the middle",
    ]
}
