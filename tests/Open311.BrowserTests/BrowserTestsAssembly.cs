// Browser tests start one Chromium each and share two cores with the server under test, so they run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
