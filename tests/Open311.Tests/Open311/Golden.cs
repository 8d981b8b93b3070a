namespace Open311.Tests.GeoReport;

/// <summary>
/// Compares whole response bodies with committed files under <c>tests/Open311.Tests/Golden/</c>.
/// Run the tests with <c>UPDATE_GOLDEN=1</c> to rewrite the files after an intended change, then review the diff.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "tests", "Open311.Tests", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {fileName} is missing. Run the tests with UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllText(path);
        Assert.True(expected == actual,
            $"The body differs from Golden/{fileName}. If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.\nActual:\n{actual}");
    }
}

/// <summary>Finds the repository root: the nearest folder above the test run that contains Open311.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Open311.sln was not found above " + AppContext.BaseDirectory);
    }
}
