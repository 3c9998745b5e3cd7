"""vigie's command-line interface: thin click commands over library functions."""
