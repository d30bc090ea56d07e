#!/bin/sh
# prints the vault password, as a secrets manager client would
echo hunter2
