namespace Open311.Domain.Submission;

/// <summary>Checks that text can be written to XML 1.0, whose output this server must always be able to produce.</summary>
public static class XmlCharacters
{
    /// <summary>
    /// Returns the index of the first character XML 1.0 cannot carry (NUL and the other C0 controls except
    /// tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates), or -1 when there is none.
    /// </summary>
    public static int IndexOfInvalidCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020' && c is not ('\t' or '\n' or '\r'))
            {
                return i;
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsValid(string? text) => text is null || IndexOfInvalidCharacter(text) < 0;

    /// <summary>Replaces each character XML 1.0 cannot carry with U+FFFD, for echoing client input in messages.</summary>
    public static string Sanitize(string text)
    {
        var start = IndexOfInvalidCharacter(text);
        if (start < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, start);
        var rest = text[start..];
        while (rest.Length > 0)
        {
            var index = IndexOfInvalidCharacter(rest);
            if (index < 0)
            {
                builder.Append(rest);
                break;
            }

            builder.Append(rest, 0, index).Append('\uFFFD');
            rest = rest[(index + 1)..];
        }

        return builder.ToString();
    }

    /// <summary>Shortens client input to at most 60 characters and replaces characters XML cannot carry, for echoing it in a message.</summary>
    public static string Quote(string value)
    {
        const int MaxEchoed = 60;
        var shortened = value.Length > MaxEchoed ? value[..MaxEchoed] + "…" : value;
        return Sanitize(shortened);
    }
}
