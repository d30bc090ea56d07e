#!/usr/bin/python
import sys
print("this is not JSON")
sys.stderr.write("something went wrong\n")
sys.exit(3)
