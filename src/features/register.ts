/** Wires capabilities to each other at start-up (demo hooks, …). One import per capability. */
export {};
