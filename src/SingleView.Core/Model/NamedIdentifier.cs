namespace SingleView.Core.Model;

/// <summary>
/// An identifier a feed names itself (<c>identifier.police_person_id</c> in its definition): the name
/// says which other records it can be compared with, the value is as the source gave it, trimmed.
/// Such identifiers carry no check digit, so a typo is still a well-formed value.
/// </summary>
public readonly record struct NamedIdentifier(string Name, string Value);
