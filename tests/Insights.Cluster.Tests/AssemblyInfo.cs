// Each collection here starts its own cluster of silo processes (plus Azurite or Redis) and loads it; run side by side
// on a 2-core CI machine they starved each other's silo start-up past its two-minute limit. One cluster at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
