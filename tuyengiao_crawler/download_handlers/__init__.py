"""Download handlers: what runs when a request leaves its download slot for the network."""
