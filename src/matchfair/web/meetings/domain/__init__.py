"""What meetings decides and writes: keyword-only functions that check the rules, write, audit."""
