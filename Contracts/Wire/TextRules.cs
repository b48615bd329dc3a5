namespace Insights.Wire;

/// <summary>Rules every stored text obeys: well-formed UTF-16 and no control characters but line breaks and tabs.</summary>
public static class TextRules
{
    public static string? FindProblem(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"contains a lone surrogate at position {i}";
            }

            if (char.IsLowSurrogate(c))
            {
                return $"contains a lone surrogate at position {i}";
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return $"contains control character U+{(int)c:X4} at position {i}";
            }
        }

        return null;
    }
}
