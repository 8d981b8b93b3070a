using System.Globalization;
using System.Text;

namespace Open311.Data.Import;

/// <summary>Makes service codes from names for packs whose files give names but no codes.</summary>
internal static class ServiceCodes
{
    /// <summary>
    /// Returns the lower-case ASCII slug of <paramref name="name"/>: accents dropped, every run of other
    /// characters turned into one hyphen ("Newsstand/Outdoor Café" → <c>newsstand-outdoor-cafe</c>).
    /// </summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var character in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(character));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.Length > 0 ? builder.ToString() : "service";
    }

    /// <summary>Returns the slug, or the slug with <c>-2</c>, <c>-3</c>… appended when it is already taken.</summary>
    public static string UniqueSlug(string name, ISet<string> taken)
    {
        var slug = Slug(name);
        var code = slug;
        for (var suffix = 2; taken.Contains(code); suffix++)
        {
            code = $"{slug}-{suffix}";
        }

        taken.Add(code);
        return code;
    }
}
