namespace Insights.Api.Tests.Export;

using System.Text;

/// <summary>An RFC 4180 reader written for the tests, independent of the writer under test.</summary>
internal static class Rfc4180
{
    /// <summary>Records of fields; every record must end with CRLF.</summary>
    public static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= csv.Length)
                    {
                        throw new FormatException("unterminated quoted field");
                    }

                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(csv[i++]);
                }
            }
            else
            {
                while (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                {
                    if (csv[i] == '"')
                    {
                        throw new FormatException($"a quote inside an unquoted field at {i}");
                    }

                    field.Append(csv[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i < csv.Length && csv[i] == ',')
            {
                i++;
                continue;
            }

            if (i + 1 < csv.Length && csv[i] == '\r' && csv[i + 1] == '\n')
            {
                i += 2;
                records.Add(record);
                record = [];
                continue;
            }

            throw new FormatException($"a record not ended by CRLF at {i}");
        }

        return records;
    }
}
