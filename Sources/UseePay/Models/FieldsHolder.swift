/// A type made of a shared group of fields and something of its own (an id, the fields a create must give):
/// the group's fields read as its own, `customer.email` for `customer.fields.email`. Lets one struct list,
/// read and write a group of fields that several API objects and parameters carry.
@dynamicMemberLookup
public protocol FieldsHolder {
    associatedtype Fields
    var fields: Fields { get }
}

extension FieldsHolder {
    public subscript<T>(dynamicMember field: KeyPath<Fields, T>) -> T { fields[keyPath: field] }
}
