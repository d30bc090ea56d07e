#!/usr/bin/python
# JSON with a line before it: Ansible's parser skips the leading junk.
from ansible.module_utils.basic import AnsibleModule
print("a line before the JSON")
AnsibleModule(argument_spec={}).exit_json(changed=False, parsed=True)
