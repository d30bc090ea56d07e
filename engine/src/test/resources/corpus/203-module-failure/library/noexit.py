#!/usr/bin/python
# A new-style module that returns without exit_json or fail_json.
from ansible.module_utils.basic import AnsibleModule
module = AnsibleModule(argument_spec={})
