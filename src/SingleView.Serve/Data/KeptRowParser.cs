using System.Data.Common;
using Dapper;

namespace SingleView.Serve.Data;

/// <summary>
/// Dapper's row parser for one result of a kept command, kept with the column types it was made for. Dapper finds its
/// parser by the result's column names and types, reading each name out of SQLite and hashing and comparing them all
/// on every call (about 2% of a person view); a kept command's names never change, so only the types are compared
/// here, and Dapper is asked again whenever they differ (SQLite gives a column the type of its first row's value).
/// The parser is the one Dapper would give, so the rows are the same.
/// </summary>
internal sealed class KeptRowParser<T>
{
    private Type[] types = [];
    private Func<DbDataReader, T>? parse;

    public Func<DbDataReader, T> For(DbDataReader reader)
    {
        if (parse is not null && SameTypes(reader)) return parse;
        var now = new Type[reader.FieldCount];
        for (var i = 0; i < now.Length; i++) now[i] = reader.GetFieldType(i);
        parse = reader.GetRowParser<T>();
        types = now;
        return parse;
    }

    private bool SameTypes(DbDataReader reader)
    {
        if (reader.FieldCount != types.Length) return false;
        for (var i = 0; i < types.Length; i++)
        {
            if (reader.GetFieldType(i) != types[i]) return false;
        }

        return true;
    }
}
