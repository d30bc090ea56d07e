#!/usr/bin/python
from ansible.module_utils.basic import AnsibleModule
m = AnsibleModule(argument_spec=dict(reason=dict(type='str')))
m.fail_json(msg='failed because ' + m.params['reason'], details={'code': 7})
