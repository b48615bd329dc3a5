namespace Insights.Lake.Writing;

/// <summary>
/// Marks a string column of few distinct values per file (a video id, a label, a language, a user name): the lake's
/// Parquet writer dictionary-encodes it, so each file carries each value once and readers decode small integers.
/// Columns of mostly distinct values (comment ids, texts) stay plain: a dictionary would only cost there.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParquetDictionaryAttribute : Attribute;
